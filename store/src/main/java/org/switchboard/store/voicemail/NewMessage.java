package org.switchboard.store.voicemail;

import java.time.Instant;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A message to store in extension {@code extensionId}'s box, in folder {@code new}; its audio is
 * already on disk as {@code audioFile} in the box's folder. A blank caller name is stored as
 * none; a caller number or name longer than its column is cut, because whatever a caller's SIP
 * headers say must not cost the message. Validates the rest on construction ({@link
 * ValidationException} naming the field). Immutable.
 */
public record NewMessage(long extensionId, String callerNumber, String callerName, Instant receivedAt, long durationMs,
        String audioFile) {
    static final int MAX_NUMBER = 256;
    static final int MAX_NAME = 200;

    public NewMessage {
        callerNumber = cut(callerNumber == null ? "" : callerNumber.strip(), MAX_NUMBER);
        callerName = callerName == null || callerName.isBlank() ? null : cut(callerName.strip(), MAX_NAME);
        Fields.check(receivedAt != null, "received_at", "is required");
        Fields.check(durationMs >= 0, "duration_ms", "must not be negative");
        Fields.check(VoicemailFiles.isFileName(audioFile), "audio_file", "must be a plain file name in the box's folder");
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
