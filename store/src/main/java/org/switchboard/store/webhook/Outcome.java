package org.switchboard.store.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one attempt came to: the receiver's status (none when it never answered), the error in
 * words (none when delivered), when it was sent, and when to retry (none for delivered or dead).
 * Immutable.
 */
public record Outcome(DeliveryState state, OptionalInt statusCode, Optional<String> error, Instant attemptedAt,
        Optional<Instant> retryAt) {
    private static final int MAX_ERROR = 500;

    public Outcome {
        if (state == DeliveryState.PENDING) {
            throw new IllegalArgumentException("an attempt that was made is no longer pending");
        }
        if (retryAt.isPresent() != (state == DeliveryState.FAILED)) {
            throw new IllegalArgumentException("exactly a failed attempt has a retry: " + state);
        }
        error = error.map(e -> e.length() <= MAX_ERROR ? e : e.substring(0, MAX_ERROR));
    }
}
