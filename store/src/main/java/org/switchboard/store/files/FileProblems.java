package org.switchboard.store.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import org.switchboard.store.db.ValidationException;

/**
 * Turns a failed file operation into the sentence an operator can act on: which file, what went
 * wrong in words (missing folder, permission denied, not a folder, disk full, read-only) and
 * what to do, as a {@link ValidationException} on the configuration key that named the file (the
 * command line exits with 2). Stateless; any thread.
 */
public final class FileProblems {
    private FileProblems() {}

    /**
     * The error for {@code action} ("create the folder", "read", "write") on {@code file} failing
     * with {@code failure}; {@code key} is the configuration key that chose the file.
     */
    public static ValidationException of(String key, String action, Path file, IOException failure) {
        return new ValidationException(key, "cannot " + action + " " + file.toAbsolutePath() + ": " + reason(file, failure)
                + "; " + advice(key));
    }

    /** A problem with the file's content or kind (e.g. a key of the wrong size), with the same advice. */
    public static ValidationException invalid(String key, Path file, String reason) {
        return new ValidationException(key, file.toAbsolutePath() + " " + reason + "; " + advice(key));
    }

    /** The cause in words, not the JDK's exception class name. */
    static String reason(Path file, IOException failure) {
        return switch (failure) {
            case AccessDeniedException e -> "permission denied (" + owner(e) + ")";
            case NoSuchFileException e -> "the folder " + missingAncestor(file) + " does not exist";
            case NotDirectoryException e -> firstNonFolder(file) + " is a file, not a folder";
            case FileAlreadyExistsException e -> firstNonFolder(file) + " is a file, not a folder";
            case FileSystemException e -> fileSystemReason(e, file);
            default -> String.valueOf(failure.getMessage());
        };
    }

    private static String fileSystemReason(FileSystemException e, Path file) {
        String text = String.valueOf(e.getReason()).toLowerCase(Locale.ROOT);
        if (text.contains("not a directory")) {
            return firstNonFolder(file) + " is a file, not a folder";
        }
        if (text.contains("no space")) {
            return "the disk is full";
        }
        if (text.contains("read-only")) {
            return "the file system is read-only";
        }
        return e.getReason() == null ? e.toString() : e.getReason();
    }

    private static String advice(String key) {
        return "point " + key + (key.equals(DataDirectory.KEY) ? "" : " (or " + DataDirectory.KEY + ")")
                + " at a folder this user may write, or fix the folder's permissions";
    }

    private static String owner(AccessDeniedException e) {
        return e.getFile() == null ? "the user running Switchboard may not write there" : e.getFile() + " is not writable by this user";
    }

    /** The nearest ancestor that is missing, so the message names the folder to create. */
    private static Path missingAncestor(Path file) {
        Path missing = file.toAbsolutePath();
        for (Path p = missing.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** The first path on the way to {@code file} that exists but is not a folder. */
    private static String firstNonFolder(Path file) {
        Path absolute = file.toAbsolutePath();
        Path p = absolute.getRoot();
        for (Path part : absolute) {
            p = p.resolve(part);
            if (Files.exists(p) && !Files.isDirectory(p)) {
                return p.toString();
            }
        }
        return absolute.toString();
    }
}
