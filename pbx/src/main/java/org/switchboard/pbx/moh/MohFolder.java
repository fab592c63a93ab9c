package org.switchboard.pbx.moh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.switchboard.store.files.DataDirectory;

/**
 * The music-on-hold files in the data directory: {@code moh/<class>/<file>.wav}. Names are checked by
 * the records before they get here, so a name never leaves its folder. Thread-safe (the file system's);
 * call from virtual or start-up threads, never an event loop.
 */
final class MohFolder {
    private final Path root;

    /** @param root the {@code moh} folder of the data directory (created when first written) */
    MohFolder(Path root) {
        this.root = root;
    }

    /**
     * Writes {@code bytes} as a new version of the file beside it, not yet in place; {@link Staged#commit}
     * moves it in, {@link Staged#discard} removes it (when the database refused the change).
     */
    Staged stage(String className, String fileName, byte[] bytes) {
        Path folder = DataDirectory.ensureFolder(root.resolve(className), DataDirectory.KEY);
        try {
            Path temp = Files.createTempFile(folder, ".upload-", ".tmp");
            Files.write(temp, bytes);
            return new Staged(temp, folder.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("writing music-on-hold file " + className + "/" + fileName, e);
        }
    }

    byte[] read(String className, String fileName) {
        try {
            return Files.readAllBytes(root.resolve(className).resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("reading music-on-hold file " + className + "/" + fileName, e);
        }
    }

    void delete(String className, String fileName) {
        try {
            Files.deleteIfExists(root.resolve(className).resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting music-on-hold file " + className + "/" + fileName, e);
        }
    }

    /** Removes the class's folder and everything in it. */
    void deleteClass(String className) {
        Path folder = root.resolve(className);
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (NoSuchFileException e) {
            // never had a file
        } catch (IOException e) {
            throw new UncheckedIOException("deleting music-on-hold folder " + className, e);
        }
    }

    /** A file written beside its place, waiting for the database to commit its row. */
    record Staged(Path temp, Path target) {
        void commit() {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("moving music-on-hold file into " + target, e);
            }
        }

        void discard() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("removing unused upload " + temp, e);
            }
        }
    }
}
