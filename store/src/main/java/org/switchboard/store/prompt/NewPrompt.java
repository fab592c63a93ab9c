package org.switchboard.store.prompt;

import java.time.Duration;
import org.switchboard.store.db.Fields;

/**
 * An uploaded prompt to record, checked for the V120 column shapes ({@link
 * org.switchboard.store.db.ValidationException} naming the field). Immutable.
 */
public record NewPrompt(String name, String fileName, int sampleRateHz, Duration duration, long sizeBytes) {
    public NewPrompt {
        checkName(name);
        Fields.check(fileName != null && fileName.matches("[a-z0-9_.-]{1,128}"), "file_name", "must be a plain file name");
        Fields.check(sampleRateHz == 8000 || sampleRateHz == 16000, "sample_rate_hz", "must be 8000 or 16000");
        Fields.check(!duration.isNegative(), "duration", "must not be negative");
        Fields.check(sizeBytes >= 0, "size_bytes", "must not be negative");
    }

    /**
     * Checks a prompt name as the URL or a menu names it; {@code ValidationException} on {@code name}. The system
     * prompts' names have the same shape, so a name is a safe file name.
     */
    public static String checkName(String name) {
        return Fields.recordName(name);
    }
}
