package org.switchboard.sip.transport;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Plain counters behind {@link StackMetrics}, readable at any time, for callers that want numbers
 * without a metrics library (tests, the admin status page). Thread-safe; any thread.
 */
public final class StackCounters implements StackMetrics {
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder parseFailures = new LongAdder();
    private final Map<InputFault, LongAdder> parseFailuresByFault = new EnumMap<>(InputFault.class);
    private final LongAdder retransmissions = new LongAdder();
    private final LongAdder absorbed = new LongAdder();
    private final LongAdder shed = new LongAdder();

    public StackCounters() {
        for (InputFault fault : InputFault.values()) {
            parseFailuresByFault.put(fault, new LongAdder());
        }
    }

    @Override
    public void messageReceived(Transport transport) {
        received.increment();
    }

    @Override
    public void messageSent(Transport transport) {
        sent.increment();
    }

    @Override
    public void parseFailure(Transport transport, InputFault fault) {
        parseFailures.increment();
        parseFailuresByFault.get(fault).increment();
    }

    @Override
    public void retransmission() {
        retransmissions.increment();
    }

    @Override
    public void retransmissionAbsorbed() {
        absorbed.increment();
    }

    @Override
    public void requestShed() {
        shed.increment();
    }

    public long requestsShed() {
        return shed.sum();
    }

    /** Messages received so far. */
    public long messagesReceived() {
        return received.sum();
    }

    /** Messages sent so far. */
    public long messagesSent() {
        return sent.sum();
    }

    /** Inputs that could not be framed or parsed. */
    public long parseFailures() {
        return parseFailures.sum();
    }

    /** Inputs that could not be framed or parsed for {@code fault}. */
    public long parseFailures(InputFault fault) {
        return parseFailuresByFault.get(fault).sum();
    }

    /** Retransmissions sent by transactions. */
    public long retransmissions() {
        return retransmissions.sum();
    }

    /** Retransmissions received and absorbed by transactions. */
    public long retransmissionsAbsorbed() {
        return absorbed.sum();
    }
}
