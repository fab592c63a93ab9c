package org.switchboard.pbx.call.timer;

import java.time.Duration;

/**
 * The PBX's session-timer values (RFC 4028): the interval it asks for and grants, and the
 * smallest it accepts (Min-SE, never under the RFC's 90 seconds). Immutable.
 */
public record SessionTimerSettings(Duration sessionExpires, Duration minSe) {
    /** RFC 4028 §4: no Min-SE may be below 90 seconds. */
    public static final Duration RFC_MIN_SE = Duration.ofSeconds(90);
    /** 30 minutes, RFC 4028 §4's recommended interval, with the RFC's floor. */
    public static final SessionTimerSettings DEFAULTS = new SessionTimerSettings(Duration.ofMinutes(30), RFC_MIN_SE);

    public SessionTimerSettings {
        if (minSe.compareTo(RFC_MIN_SE) < 0 || sessionExpires.compareTo(minSe) < 0) {
            throw new IllegalArgumentException("need 90 s <= min_se <= session_expires, got " + minSe + " and " + sessionExpires);
        }
    }
}
