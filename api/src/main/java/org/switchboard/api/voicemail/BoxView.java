package org.switchboard.api.voicemail;

import java.time.Instant;
import java.util.List;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.VoicemailBoxDetails;

/**
 * Response body for a voicemail box: its settings, the extension's address, whether a PIN is set
 * (never the PIN), the end of a lock-out after wrong PINs (absent when none holds) and the
 * greetings recorded.
 */
public record BoxView(String number, boolean enabled, boolean emailMessages, String email, int maxMessageSeconds,
        boolean ownPhoneSkipsPin, boolean pinSet, Instant lockedUntil, List<String> greetings) {

    static BoxView of(VoicemailBoxDetails d) {
        var s = d.settings();
        return new BoxView(d.number(), s.enabled(), s.emailMessages(), d.email().orElse(null), s.maxMessageSeconds(),
                s.ownPhoneSkipsPin(), d.pinSet(), d.lockedUntil().orElse(null),
                d.greetings().stream().sorted().map(Greeting::key).toList());
    }
}
