package org.switchboard.store.queue;

import org.switchboard.store.db.Fields;

/** The key a waiting caller presses to leave the queue for voicemail box {@code box}. Immutable. */
public record VoicemailExit(char digit, String box) {
    public VoicemailExit {
        Fields.check("0123456789*#".indexOf(digit) >= 0, "voicemail_exit.digit", "must be one key: 0-9, * or #");
        Fields.check(box != null && box.matches("[0-9]{1,32}"), "voicemail_exit.box", "must be a voicemail box number");
    }
}
