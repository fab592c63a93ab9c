package org.switchboard.api.voicemail;

import java.time.Instant;
import org.switchboard.pbx.voicemail.VoicemailMessage;

/** One message in a box's list: who called, when, for how long (seconds, rounded to tenths), and its folder. */
public record MessageView(long id, String caller, String callerName, Instant receivedAt, double durationSeconds,
        String folder) {

    static MessageView of(VoicemailMessage m) {
        return new MessageView(m.id(), m.callerNumber(), m.callerName(), m.receivedAt(),
                Math.round(m.duration().toMillis() / 100.0) / 10.0, m.folder().key());
    }
}
