package org.switchboard.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the inbound limits refused, readable at any time for {@code /metrics} and tests.
 * Thread-safe; any thread.
 */
public final class InboundCounters {
    private final LongAdder droppedBanned = new LongAdder();
    private final LongAdder droppedRateLimited = new LongAdder();
    private final LongAdder refusedPerSource = new LongAdder();
    private final LongAdder refusedTotal = new LongAdder();
    private final LongAdder refusedBanned = new LongAdder();
    private final LongAdder closedIdle = new LongAdder();

    void messageFromBannedSource() {
        droppedBanned.increment();
    }

    void messageOverRateLimit() {
        droppedRateLimited.increment();
    }

    void connectionOverSourceLimit() {
        refusedPerSource.increment();
    }

    void connectionOverTotalLimit() {
        refusedTotal.increment();
    }

    void connectionFromBannedSource() {
        refusedBanned.increment();
    }

    void unregisteredConnectionIdle() {
        closedIdle.increment();
    }

    /** Messages dropped unanswered because their source is banned. */
    public long droppedBanned() {
        return droppedBanned.sum();
    }

    /** Requests dropped unanswered because their source was over the rate limit. */
    public long droppedRateLimited() {
        return droppedRateLimited.sum();
    }

    /** Connections closed at once because their source already held its limit. */
    public long refusedPerSource() {
        return refusedPerSource.sum();
    }

    /** Connections closed at once because the stack held its total. */
    public long refusedTotal() {
        return refusedTotal.sum();
    }

    /** Connections closed at once because their source is banned. */
    public long refusedBanned() {
        return refusedBanned.sum();
    }

    /** Connections closed because they carried no REGISTER and stayed silent. */
    public long closedIdle() {
        return closedIdle.sum();
    }
}
