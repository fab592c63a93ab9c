package org.switchboard.pbx.voicemail;

import java.time.Duration;

/**
 * The server settings of voicemail (config section {@code voicemail}): how many wrong PINs in a
 * row lock a box, and for how long. Immutable.
 */
public record VoicemailSettings(int maxPinAttempts, Duration pinLockout) {
    /** Five wrong PINs lock a box for five minutes. */
    public static final VoicemailSettings DEFAULTS = new VoicemailSettings(5, Duration.ofMinutes(5));

    public VoicemailSettings {
        if (maxPinAttempts < 1 || pinLockout.isNegative() || pinLockout.isZero()) {
            throw new IllegalArgumentException("voicemail needs at least one PIN attempt and a positive lock-out");
        }
    }
}
