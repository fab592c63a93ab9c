package org.switchboard.pbx.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Reads the key that seals provisioned devices' SIP passwords ({@link DeviceSecretCipher}) from
 * its file, creating the file with a new random key on first start. The key lives outside the
 * database on purpose: a database copy alone opens nothing. Called once by the start-up thread.
 */
public final class ProvisioningKeyFile {
    private ProvisioningKeyFile() {}

    /**
     * The key in {@code file}; a missing file is created (owner read/write only where the file
     * system has POSIX permissions) with {@link DeviceSecretCipher#newKey()}.
     *
     * @throws IllegalStateException when the file exists but does not hold exactly 32 bytes
     * @throws UncheckedIOException when the file cannot be read or created
     */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = DeviceSecretCipher.newKey();
                try {
                    Files.write(file, key, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                        Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
                    }
                    return key;
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first: use theirs.
                }
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length != DeviceSecretCipher.KEY_BYTES) {
                throw new IllegalStateException("provisioning key file " + file + " must hold exactly "
                        + DeviceSecretCipher.KEY_BYTES + " bytes, found " + key.length);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("provisioning key file " + file + ": " + e.getMessage(), e);
        }
    }
}
