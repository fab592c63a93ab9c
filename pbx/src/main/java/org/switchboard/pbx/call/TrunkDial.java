package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.List;

/**
 * Where an outbound route sends a caller: the number dialled out and the trunks to try, in
 * order, each skipped when it has no free channel and left for the next when it fails with a 5xx,
 * no answer at all (408) or a challenge its credentials cannot answer (401/407). Immutable.
 *
 * @param number the number sent to the carrier (the CDR's callee)
 * @param ringTimeout how long one trunk may ring before the call gives up (no answer)
 */
public record TrunkDial(String number, List<TrunkAttempt> attempts, Duration ringTimeout, Channels channels) {

    /**
     * The trunks' channel counts. Thread-safe: {@code seize} runs on call executors, {@code free}
     * on call executors and wherever the route's owner learns a call ended.
     */
    public interface Channels {
        /** Takes a channel of {@code trunk} for call {@code callId}; false when the trunk is at its limit. */
        boolean seize(String trunk, String callId);

        /** Gives back the channel call {@code callId} holds, if any. */
        void free(String callId);
    }

    public TrunkDial {
        attempts = List.copyOf(attempts);
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
        }
    }
}
