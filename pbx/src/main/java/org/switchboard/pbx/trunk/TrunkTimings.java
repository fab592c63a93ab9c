package org.switchboard.pbx.trunk;

import java.time.Duration;

/**
 * How trunk registrations and probes are timed. Immutable.
 *
 * @param refreshAt the share of the granted lifetime after which a registration is refreshed
 * @param retryFirst the wait before the first retry of a failed REGISTER; it doubles per failure
 * @param retryMax the longest wait between retries
 * @param probeTimeout how long an OPTIONS probe may go unanswered before it counts as a miss
 * @param unregisterWait how long shutdown waits for the carriers to answer the un-REGISTERs
 */
public record TrunkTimings(double refreshAt, Duration retryFirst, Duration retryMax, Duration probeTimeout,
        Duration unregisterWait) {

    /**
     * Refresh at 85 % of the lifetime (enough margin for a retransmitted REGISTER over UDP, RFC
     * 3261 Timer F is 32 s); retries from 10 s doubling to 5 min, as phones do so a carrier that is
     * back is used soon and one that is down is not hammered; a probe unanswered for 5 s is a miss
     * (Asterisk's qualify waits 3 s).
     */
    public static final TrunkTimings DEFAULTS = new TrunkTimings(0.85, Duration.ofSeconds(10), Duration.ofMinutes(5),
            Duration.ofSeconds(5), Duration.ofSeconds(2));

    public TrunkTimings {
        if (refreshAt <= 0 || refreshAt >= 1) {
            throw new IllegalArgumentException("refreshAt must be between 0 and 1: " + refreshAt);
        }
    }

    /** The wait before retry number {@code failures} (from 1): doubling, capped. */
    Duration retryAfter(int failures) {
        long millis = retryFirst.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, retryMax.toMillis()));
    }
}
