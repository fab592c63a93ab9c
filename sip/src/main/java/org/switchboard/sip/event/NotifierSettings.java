package org.switchboard.sip.event;

import java.time.Duration;

/**
 * How long subscriptions last (RFC 6665 §4.2.1.1): a SUBSCRIBE without Expires gets {@code
 * defaultExpires}; one asking for less than {@code minExpires} (but not 0) gets 423 with Min-Expires;
 * one asking for more than {@code maxExpires} gets {@code maxExpires}. A resource has about {@code
 * maxPerResource} live subscriptions at most (SUBSCRIBEs of different Call-IDs racing may pass it
 * by a few); one more is refused with 503, so a phone subscribing anew without ending its old
 * subscriptions cannot fill the node's memory. Immutable.
 */
public record NotifierSettings(Duration minExpires, Duration defaultExpires, Duration maxExpires, int maxPerResource) {

    /** Subscriptions one resource may have: several phones of one extension, each maybe twice. */
    public static final int MAX_PER_RESOURCE = 32;

    /** One minute at least, an hour when not asked (RFC 3842 §7 suggests an hour), a day at most. */
    public static final NotifierSettings DEFAULTS = new NotifierSettings(Duration.ofSeconds(60),
            Duration.ofHours(1), Duration.ofDays(1), MAX_PER_RESOURCE);

    public NotifierSettings {
        if (maxPerResource < 1) {
            throw new IllegalArgumentException("maxPerResource must be at least 1");
        }
        if (minExpires.isNegative() || minExpires.compareTo(defaultExpires) > 0
                || defaultExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("need min <= default <= max expires");
        }
    }
}
