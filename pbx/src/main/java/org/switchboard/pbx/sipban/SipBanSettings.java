package org.switchboard.pbx.sipban;

import java.time.Duration;
import java.util.Objects;

/**
 * When a source that keeps failing authentication is held off and banned. Immutable.
 *
 * @param backoffAfter from this many failures within {@code findTime}, each further failure makes
 *     the source's next messages go unanswered for 1 s, 2 s, 4 s... (at most {@code maxBackoff})
 * @param banAfter this many failures within {@code findTime} ban the source for {@code banTime}
 * @param findTime the window failures are counted in
 * @param banTime how long a ban lasts
 * @param maxBackoff the longest hold-off before the ban
 * @param extensionAlertAfter this many failures for one extension within {@code findTime}, from
 *     any sources, raise an alert (the extension is never locked: that would lock its phone out)
 * @param syncInterval how often the ban list is read again from the database (bans from other nodes)
 */
public record SipBanSettings(int backoffAfter, int banAfter, Duration findTime, Duration banTime,
        Duration maxBackoff, int extensionAlertAfter, Duration syncInterval) {

    /**
     * Hold-off from 5 failures (1 s doubling to at most 5 s), ban at 10 within 10 minutes for 1
     * hour, alert at 20 per extension, sync every 5 s.
     */
    public static final SipBanSettings DEFAULTS = new SipBanSettings(5, 10, Duration.ofMinutes(10),
            Duration.ofHours(1), Duration.ofSeconds(5), 20, Duration.ofSeconds(5));

    public SipBanSettings {
        Objects.requireNonNull(findTime, "findTime");
        Objects.requireNonNull(banTime, "banTime");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(syncInterval, "syncInterval");
        if (banAfter < 1 || backoffAfter < 1 || extensionAlertAfter < 1) {
            throw new IllegalArgumentException("failure thresholds must be at least 1");
        }
        if (!findTime.isPositive() || !banTime.isPositive() || maxBackoff.isNegative() || !syncInterval.isPositive()) {
            throw new IllegalArgumentException("find time, ban time and sync interval must be positive");
        }
    }

    /** The hold-off after the {@code failures}-th failure: zero below {@code backoffAfter}, doubling after. */
    Duration holdOffAfter(int failures) {
        if (failures < backoffAfter) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - backoffAfter, 30);
        Duration hold = Duration.ofSeconds(1L << doublings);
        return hold.compareTo(maxBackoff) > 0 ? maxBackoff : hold;
    }
}
