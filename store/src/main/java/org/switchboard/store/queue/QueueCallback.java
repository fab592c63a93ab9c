package org.switchboard.store.queue;

import org.switchboard.store.db.Fields;

/**
 * A queue's callback offer (V213): the key (0-9) a waiting caller presses to keep its place and be called
 * back, how many tries reach an agent but not the caller before the request fails, and how long apart. Immutable.
 */
public record QueueCallback(char digit, int maxAttempts, int retrySeconds) {
    public QueueCallback {
        Fields.check(digit >= '0' && digit <= '9', "callback.digit", "must be one digit 0-9");
        Fields.check(maxAttempts >= 1 && maxAttempts <= 10, "callback.max_attempts", "must be 1 to 10");
        Fields.check(retrySeconds >= 10 && retrySeconds <= 3600, "callback.retry_seconds", "must be 10 to 3600");
    }
}
