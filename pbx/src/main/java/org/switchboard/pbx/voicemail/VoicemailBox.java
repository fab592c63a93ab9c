package org.switchboard.pbx.voicemail;

import java.time.Duration;
import java.util.Optional;

/**
 * One extension's voicemail box settings: whether calls it misses go to the box, where new
 * messages are mailed, the longest message, and whether its owner's own phone opens it without the
 * PIN. Immutable.
 */
public record VoicemailBox(String number, boolean enabled, Optional<String> email, Duration maxMessage,
        boolean ownPhoneSkipsPin) {}
