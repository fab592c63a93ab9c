package org.switchboard.store.moh;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A stored file of a music-on-hold class: its name in the class's folder, its place in the play order
 * (1 first) and how long it plays. Immutable.
 */
public record MohFile(String className, String fileName, int position, Duration duration, Instant createdAt,
        Instant updatedAt) {
    // a plain file name: no folder, no dot-files, no traversal, always .wav
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}\\.wav");

    /** Checks an uploaded file's name; {@link ValidationException} on {@code file} when it cannot be one. */
    public static String checkName(String fileName) {
        Fields.check(fileName != null && FILE_NAME.matcher(fileName).matches(), "file",
                "must be a plain name ending in .wav: letters, digits, '.', '-', '_', at most 64 characters");
        return fileName;
    }
}
