package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.db.ValidationException;

class ProvisioningKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesAPrivateKeyAndLaterStartsReadTheSameKey() throws Exception {
        Path file = dir.resolve("provisioning.key");
        byte[] first = ProvisioningKeyFile.loadOrCreate(file);
        assertThat(first).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ProvisioningKeyFile.loadOrCreate(file)).isEqualTo(first);
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused() throws Exception {
        Path file = dir.resolve("short.key");
        Files.write(file, new byte[10]);
        assertThatThrownBy(() -> ProvisioningKeyFile.loadOrCreate(file))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(file + " holds 10 bytes, a provisioning key has exactly 32")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("provisioning.key_file");
    }

    @Test
    void aMissingFolderIsCreatedOwnerOnly() throws Exception {
        Path file = dir.resolve("fresh/data/provisioning.key");

        assertThat(ProvisioningKeyFile.loadOrCreate(file)).hasSize(32);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFolderThatCannotBeMadeIsNamedWithTheReasonAndTheRemedy() throws Exception {
        Path occupied = Files.writeString(dir.resolve("occupied"), "x");
        Path file = occupied.resolve("provisioning.key");

        assertThatThrownBy(() -> ProvisioningKeyFile.loadOrCreate(file))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(occupied + " is a file, not a folder")
                .hasMessageContaining("point provisioning.key_file (or data_dir) at a folder this user may write");
    }
}
