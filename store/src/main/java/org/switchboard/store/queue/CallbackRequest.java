package org.switchboard.store.queue;

import java.time.Instant;
import java.util.Set;

/**
 * A caller's request to be called back by queue {@code queue} (V213). {@code enqueuedAt} is when the caller
 * entered the queue: its place in line. {@code state}: {@code waiting}, {@code calling}, {@code done} or
 * {@code failed}. Immutable.
 */
public record CallbackRequest(long id, String queue, String number, String callId, Instant enqueuedAt, String state,
                              int attempts, Instant createdAt, Instant updatedAt) {
    public static final String WAITING = "waiting";
    public static final String CALLING = "calling";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final Set<String> STATES = Set.of(WAITING, CALLING, DONE, FAILED);

    /** Whether the PBX still has to call it back (also after a restart). */
    public boolean pending() {
        return state.equals(WAITING) || state.equals(CALLING);
    }
}
