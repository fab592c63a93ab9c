package org.switchboard.store.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.switchboard.store.db.ValidationException;

/**
 * The one folder under which the server keeps every file it writes (the SQLite database, the
 * provisioning key, TLS material, and the recordings, voicemail and prompts of later features),
 * configured as {@code data_dir}. Opening it creates it (owner-only, {@code 0700}, where the file
 * system has POSIX permissions) and proves it is writable, so a bad folder stops start-up with a
 * sentence naming the folder, the reason and the remedy instead of failing later in a feature.
 *
 * <p>Features ask for their sub-folder with {@link #folder(String)} ({@code recordings},
 * {@code voicemail}, {@code prompts}); a path the operator set on its own is checked with
 * {@link #ensureFolder(Path, String)}. Immutable and thread-safe.
 */
public final class DataDirectory {
    /** The configuration key of the data directory, named in error messages. */
    public static final String KEY = "data_dir";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root;
    }

    /**
     * Creates the folder when missing and checks that a file can be written in it; {@link
     * ValidationException} on {@value #KEY} otherwise (missing parent it cannot create, permission
     * denied, a file in the way, a read-only or full disk).
     */
    public static DataDirectory open(Path root) {
        return new DataDirectory(ensureFolder(root, KEY));
    }

    /** The data directory itself, absolute. */
    public Path root() {
        return root;
    }

    /** {@code name} in the data directory, not created: for single files such as {@code provisioning.key}. */
    public Path file(String name) {
        return root.resolve(name);
    }

    /**
     * The sub-folder {@code name} (e.g. {@code recordings}), created owner-only when missing and
     * checked writable; {@link ValidationException} on {@value #KEY} when it cannot be.
     */
    public Path folder(String name) {
        return ensureFolder(root.resolve(name), KEY);
    }

    /**
     * Makes sure {@code folder} exists (created owner-only when missing) and that a file can be
     * written in it; {@link ValidationException} on {@code key}, the configuration key that chose
     * the folder, otherwise. Returns the folder as an absolute path.
     */
    public static Path ensureFolder(Path folder, String key) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(absolute)) {
                Files.createDirectories(absolute, ownerOnly(absolute));
            }
        } catch (FileAlreadyExistsException e) {
            throw FileProblems.invalid(key, absolute, "is a file, not a folder");
        } catch (IOException e) {
            throw FileProblems.of(key, "create the folder", absolute, e);
        }
        proveWritable(absolute, key);
        return absolute;
    }

    /**
     * Writes and deletes a probe file: {@link Files#isWritable} says yes to root on a read-only
     * mount and cannot see a full disk, and the first real write would then fail far from here.
     */
    private static void proveWritable(Path folder, String key) {
        try {
            Path probe = Files.createTempFile(folder, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw FileProblems.of(key, "write in the folder", folder, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            boolean posix = existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
            return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
        } catch (IOException e) {
            return new FileAttribute<?>[0];
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
