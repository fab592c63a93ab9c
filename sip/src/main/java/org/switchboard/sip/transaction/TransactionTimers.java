package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What a transaction machine needs for its timers: the T1/T2/T4 settings, the shared wheel, the
 * executor that owns the transaction (every timer fires there), and where to count
 * retransmissions. Immutable; any thread.
 */
public record TransactionTimers(TimerSettings settings, ProtocolTimer timer, Executor owner, Runnable onRetransmission) {

    /** Schedules {@code task} on the owner after {@code delay}. */
    ProtocolTimer.Cancellable after(Duration delay, Runnable task) {
        return timer.schedule(delay, owner, task);
    }

    /** A cancellable that does nothing, for timers not (or no longer) running. */
    static final ProtocolTimer.Cancellable NONE = () -> {};
}
