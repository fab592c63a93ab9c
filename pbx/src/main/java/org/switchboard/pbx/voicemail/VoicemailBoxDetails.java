package org.switchboard.pbx.voicemail;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.switchboard.store.voicemail.BoxSettings;

/**
 * A box as administrators see it: its stored settings, the extension's e-mail address (edited
 * with the extension), whether a PIN is set, until when wrong PINs lock it, and which greetings
 * the owner recorded. Never holds the PIN or its hash. Immutable.
 */
public record VoicemailBoxDetails(String number, BoxSettings settings, Optional<String> email, boolean pinSet,
        Optional<Instant> lockedUntil, Set<Greeting> greetings) {
    public VoicemailBoxDetails {
        greetings = Set.copyOf(greetings);
    }
}
