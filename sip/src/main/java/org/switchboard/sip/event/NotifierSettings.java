package org.switchboard.sip.event;

import java.time.Duration;

/**
 * How long subscriptions last (RFC 6665 §4.2.1.1): a SUBSCRIBE without Expires gets {@code
 * defaultExpires}; one asking for less than {@code minExpires} (but not 0) gets 423 with Min-Expires;
 * one asking for more than {@code maxExpires} gets {@code maxExpires}. Immutable.
 */
public record NotifierSettings(Duration minExpires, Duration defaultExpires, Duration maxExpires) {

    /** One minute at least, an hour when not asked (RFC 3842 §7 suggests an hour), a day at most. */
    public static final NotifierSettings DEFAULTS = new NotifierSettings(Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofDays(1));

    public NotifierSettings {
        if (minExpires.isNegative() || minExpires.compareTo(defaultExpires) > 0
                || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("need min <= default <= max expires");
        }
    }
}
