package org.switchboard.pbx.voicemail.mail;

import java.time.Duration;

/**
 * How long a mail waits after its n-th failed attempt: {@code first}, doubled each time, never
 * more than {@code max} (a mail server down for a day is tried every {@code max}, never given up).
 * Immutable.
 */
public record RetrySchedule(Duration first, Duration max) {

    /** 30 s, 1 min, 2 min... up to one hour. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1));

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max");
        }
    }

    /** The wait after {@code failures} failed attempts (1 = the first failure). */
    public Duration after(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 30));
        Duration wait = first.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }
}
