package org.switchboard.store.voicemail;

import java.time.Instant;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A message to store in extension {@code extensionId}'s box, in folder {@code new}; its audio is
 * already on disk as {@code audioFile} in the box's folder. A blank caller name is stored as
 * none. Validates on construction ({@link ValidationException} naming the field). Immutable.
 */
public record NewMessage(long extensionId, String callerNumber, String callerName, Instant receivedAt, long durationMs,
        String audioFile) {

    public NewMessage {
        callerNumber = callerNumber == null ? "" : callerNumber.strip();
        Fields.check(callerNumber.length() <= 256, "caller_number", "must be at most 256 characters");
        callerName = callerName == null || callerName.isBlank() ? null : callerName.strip();
        if (callerName != null && callerName.length() > 200) {
            callerName = callerName.substring(0, 200);
        }
        Fields.check(receivedAt != null, "received_at", "is required");
        Fields.check(durationMs >= 0, "duration_ms", "must not be negative");
        Fields.check(VoicemailFiles.isFileName(audioFile), "audio_file", "must be a plain file name in the box's folder");
    }
}
