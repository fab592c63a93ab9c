package org.switchboard.pbx.provisioning;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.files.DataDirectory;
import org.switchboard.store.files.FileProblems;

/**
 * Reads the key that seals provisioned devices' SIP passwords ({@link DeviceSecretCipher}) from
 * its file, creating the file with a new random key on first start. The key lives outside the
 * database on purpose: a database copy alone opens nothing. Called once by the start-up thread.
 */
public final class ProvisioningKeyFile {
    /** The configuration key that names the file, in error messages. */
    public static final String KEY = "provisioning.key_file";

    private ProvisioningKeyFile() {}

    /**
     * The key in {@code file}; a missing file (and its folder) is created owner-only, where the
     * file system has POSIX permissions, with {@link DeviceSecretCipher#newKey()}.
     *
     * @throws ValidationException on {@value #KEY} when the file cannot be read or created, or does
     *     not hold exactly {@value DeviceSecretCipher#KEY_BYTES} bytes; the message names the file,
     *     the reason and what to do
     */
    public static byte[] loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
            DataDirectory.ensureFolder(absolute.getParent(), KEY);
            byte[] key = DeviceSecretCipher.newKey();
            try {
                // Created with its final permissions: never readable by others, not even for a moment.
                Files.createFile(absolute, ownerReadWrite(absolute.getParent()));
                try (OutputStream out = Files.newOutputStream(absolute)) {
                    out.write(key);
                }
                return key;
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first: use theirs.
            } catch (IOException e) {
                throw FileProblems.of(KEY, "create the key file", absolute, e);
            }
        }
        byte[] key;
        try {
            key = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw FileProblems.of(KEY, "read the key file", absolute, e);
        }
        if (key.length != DeviceSecretCipher.KEY_BYTES) {
            throw FileProblems.invalid(KEY, absolute, "holds " + key.length + " bytes, a provisioning key has exactly "
                    + DeviceSecretCipher.KEY_BYTES + " (a wrong or damaged file: restore it from a backup, or remove it "
                    + "to have a new key made, which makes the devices' stored SIP passwords unreadable)");
        }
        return key;
    }

    private static FileAttribute<?>[] ownerReadWrite(Path folder) throws IOException {
        return Files.getFileStore(folder).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
