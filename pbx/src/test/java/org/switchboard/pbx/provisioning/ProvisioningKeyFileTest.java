package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }
}
