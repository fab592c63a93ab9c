package org.switchboard.sip.app;

import java.time.Duration;

/**
 * When the stack sheds load: once {@code maxQueuedTasks} call-executor tasks wait to run, a new
 * request outside any dialog is answered at once, on the event loop, with {@code 503 Service
 * Unavailable} and {@code Retry-After} (RFC 3261 §21.5.4) instead of joining the queue. Requests
 * inside dialogs, CANCEL and ACK still pass, so calls in progress can end and free their work.
 * A backlog that keeps growing delays every answer past the peers' retransmission timer (T1), and
 * each retransmission adds work: shedding keeps the accepted rate level instead of collapsing.
 * Immutable; any thread.
 */
public record OverloadSettings(int maxQueuedTasks, Duration retryAfter) {
    /**
     * 8,000 waiting tasks, retry after 5 s. A task (one message of a call or registration) costs
     * 30 to 75 µs of CPU, so 8,000 are a quarter of a second of work on two cores: half of T1, not
     * yet enough to draw retransmissions. 2,000 (the earlier default) shed calls at 1,000 setups/s
     * within one second of a run on a machine that had the CPU to carry them: 2,000 tasks are only
     * 30 to 75 ms of work, so a short stall (its cause was not measured) was enough.
     */
    public static final OverloadSettings DEFAULTS = new OverloadSettings(8_000, Duration.ofSeconds(5));

    public OverloadSettings {
        if (maxQueuedTasks < 1) {
            throw new IllegalArgumentException("max queued tasks must be at least 1: " + maxQueuedTasks);
        }
        if (retryAfter.isNegative() || retryAfter.toSeconds() > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("retry after must be 0 to 2^32-1 seconds: " + retryAfter);
        }
    }
}
