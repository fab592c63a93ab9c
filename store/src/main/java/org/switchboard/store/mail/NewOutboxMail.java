package org.switchboard.store.mail;

import java.time.Duration;
import java.time.Instant;
import org.switchboard.store.db.ValidationException;

/**
 * A voicemail mail to queue: the box and message it is about, where it goes, what the mail says of
 * the caller, and the message's WAV. Validated here, before the database's own checks. Immutable
 * (the audio is copied in and out).
 */
public record NewOutboxMail(String box, long messageId, String recipient, String callerNumber, String callerName,
                            Instant receivedAt, Duration duration, byte[] audio) {

    public NewOutboxMail {
        if (box == null || box.isBlank() || box.length() > 32) {
            throw new ValidationException("box", "must be 1 to 32 characters");
        }
        if (recipient == null || recipient.length() < 3 || recipient.length() > 254 || recipient.indexOf('@') < 1) {
            throw new ValidationException("recipient", "must be an e-mail address");
        }
        callerNumber = truncated(callerNumber, 64);
        callerName = truncated(callerName, 128);
        if (duration.isNegative()) {
            throw new ValidationException("duration", "must not be negative");
        }
        audio = audio.clone();
    }

    @Override
    public byte[] audio() {
        return audio.clone();
    }

    /** Caller details are shown, not checked: what a trunk sent is cut to fit rather than refused. */
    private static String truncated(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, max);
    }
}
