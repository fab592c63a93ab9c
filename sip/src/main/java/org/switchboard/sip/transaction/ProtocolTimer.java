package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Schedules protocol timers that fire on their owner's executor. {@link SipTimer} is the one
 * production implementation; tests substitute a clock they move by hand. Any thread may schedule.
 */
public interface ProtocolTimer {
    /** A scheduled timer; cancelling a fired or cancelled one does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Runs {@code task} on {@code owner} after {@code delay}. */
    Cancellable schedule(Duration delay, Executor owner, Runnable task);
}
