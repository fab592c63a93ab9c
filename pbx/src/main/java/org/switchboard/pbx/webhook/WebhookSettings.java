package org.switchboard.pbx.webhook;

import java.time.Duration;

/**
 * How deliveries are sent and retried. Immutable.
 *
 * @param maxAttempts attempts of one event before it is dead (the first one included)
 * @param firstRetry the wait after the first failure; each later wait doubles
 * @param maxRetry the longest wait between two attempts
 * @param timeout how long one attempt may take, connecting included
 * @param poll how often the node looks for due attempts (a new event is sent at once without waiting for it)
 * @param perDestination attempts sent at once to one host, so that one slow receiver cannot take every connection
 */
public record WebhookSettings(int maxAttempts, Duration firstRetry, Duration maxRetry, Duration timeout, Duration poll,
        int perDestination) {
    /**
     * Ten attempts over about 85 minutes: retries after 10 s, 20 s, 40 s ... 2560 s, enough for a
     * receiver's restart or a short outage, few enough that a dead one does not pile up work.
     */
    public static final WebhookSettings DEFAULTS = new WebhookSettings(10, Duration.ofSeconds(10), Duration.ofHours(1),
            Duration.ofSeconds(5), Duration.ofSeconds(1), 4);

    public WebhookSettings {
        if (maxAttempts < 1 || firstRetry.isNegative() || maxRetry.compareTo(firstRetry) < 0 || timeout.isNegative()
                || timeout.isZero() || poll.isNegative() || poll.isZero() || perDestination < 1) {
            throw new IllegalArgumentException("invalid webhook settings: " + this);
        }
    }

    /** These settings with another number of attempts and timeout (the ones a config file sets). */
    public WebhookSettings with(int attempts, Duration attemptTimeout) {
        return new WebhookSettings(attempts, firstRetry, maxRetry, attemptTimeout, poll, perDestination);
    }

    /** The wait before attempt {@code attempt + 1} after attempt {@code attempt} failed: doubling from {@link #firstRetry}. */
    public Duration retryAfter(int attempt) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
