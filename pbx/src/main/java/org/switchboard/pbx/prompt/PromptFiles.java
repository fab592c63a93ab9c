package org.switchboard.pbx.prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;
import org.switchboard.store.files.DataDirectory;

/**
 * The uploaded prompts' WAV files in their folder of the data directory. Every upload gets a new
 * file name, written to a temporary file and moved into place, so a row only ever names a complete
 * file and a replaced prompt's old file stays whole until its row is gone. The folder is made on the
 * first upload, so building the services (a CLI command, a test) leaves no folder behind.
 * Thread-safe (distinct names); blocking: virtual or request threads only.
 */
final class PromptFiles {
    private final Path folder;

    PromptFiles(Path folder) {
        this.folder = folder;
    }

    /** Writes {@code wav} as a new file for prompt {@code name}; returns its file name. */
    String write(String name, byte[] wav) {
        String fileName = name + "-" + Long.toString(System.currentTimeMillis(), 36) + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + ".wav";
        DataDirectory.ensureFolder(folder, DataDirectory.KEY);
        try {
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp");
            Files.write(temp, wav);
            Files.move(temp, folder.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            return fileName;
        } catch (IOException e) {
            throw new UncheckedIOException("writing prompt " + name + " in " + folder, e);
        }
    }

    byte[] read(String fileName) {
        try {
            return Files.readAllBytes(folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("reading prompt file " + folder.resolve(fileName), e);
        }
    }

    /** Deletes a file no row names any more; a missing file is no error (a retry after a crash). */
    void delete(String fileName) {
        try {
            Files.deleteIfExists(folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting prompt file " + folder.resolve(fileName), e);
        }
    }
}
