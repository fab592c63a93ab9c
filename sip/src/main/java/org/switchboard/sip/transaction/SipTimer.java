package org.switchboard.sip.transaction;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The one shared timer for all SIP protocol timers: a Netty hashed wheel with a 10 ms tick on the
 * single {@code sip-timer} thread. A firing timer only posts its task to the executor that owns
 * the transaction, never running protocol logic on the timer thread. Any thread may schedule;
 * once the stack is closing, scheduling does nothing (a stopping node retransmits nothing more).
 */
public final class SipTimer implements ProtocolTimer, AutoCloseable {
    private static final Duration TICK = Duration.ofMillis(10);
    /**
     * 4096 buckets of 10 ms: one turn of the wheel (41 s) is longer than the longest protocol
     * timer (64·T1 = 32 s), so a tick walks only timeouts that are due. With 512 buckets (5 s) a
     * 32 s Timer J was walked six times, five of them only to count down its rounds: at thousands
     * of REGISTERs a second, tens of thousands of cache-missing list steps a second on the timer
     * thread.
     */
    private static final int BUCKETS = 4096;

    private static final Cancellable NOT_STARTED = () -> {};

    private final HashedWheelTimer wheel;

    public SipTimer() {
        wheel = new HashedWheelTimer(new DefaultThreadFactory("sip-timer", true), TICK.toMillis(),
                TimeUnit.MILLISECONDS, BUCKETS);
    }

    @Override
    public Cancellable schedule(Duration delay, Executor owner, Runnable task) {
        try {
            Timeout timeout = wheel.newTimeout(t -> owner.execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            return timeout::cancel;
        } catch (IllegalStateException stopped) {
            return NOT_STARTED; // the wheel stopped: the stack is closing
        }
    }

    /** Number of timers scheduled and not yet fired or cancelled. */
    public long pending() {
        return wheel.pendingTimeouts();
    }

    @Override
    public void close() {
        wheel.stop();
    }
}
