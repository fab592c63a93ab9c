package org.switchboard.store.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.db.ValidationException;

class DataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDataDirectoryIsCreatedOwnerOnly() throws IOException {
        Path root = dir.resolve("a/b/data");

        DataDirectory data = DataDirectory.open(root);

        assertThat(data.root()).isEqualTo(root.toAbsolutePath()).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwx------");
        assertThat(data.file("provisioning.key")).isEqualTo(root.resolve("provisioning.key").toAbsolutePath());
        assertThat(data.root()).isEmptyDirectory();
    }

    @Test
    void featuresGetTheirOwnSubFolderCreatedOwnerOnly() throws IOException {
        DataDirectory data = DataDirectory.open(dir.resolve("data"));

        Path recordings = data.folder("recordings");

        assertThat(recordings).isDirectory().isEqualTo(data.root().resolve("recordings"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(recordings))).isEqualTo("rwx------");
        assertThat(data.folder("recordings")).as("asking again is harmless").isEqualTo(recordings);
    }

    @Test
    void anExistingFolderKeepsItsPermissions() throws IOException {
        Path root = Files.createDirectory(dir.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        DataDirectory.open(root);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root))).isEqualTo("rwxr-x---");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamedWithTheRemedy() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");

        assertThatThrownBy(() -> DataDirectory.open(file))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not a folder")
                .hasMessageContaining("point data_dir at a folder")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("data_dir");
    }

    @Test
    void aFileOnTheWayToTheFolderIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");

        assertThatThrownBy(() -> DataDirectory.open(file.resolve("data")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot create the folder " + file.resolve("data"))
                .hasMessageContaining(file + " is")
                .hasMessageContaining("not a folder");
    }

    @Test
    void anOverriddenFolderIsReportedUnderItsOwnKey() throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");

        assertThatThrownBy(() -> DataDirectory.ensureFolder(file.resolve("tls"), "sip.tls_dir"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("point sip.tls_dir (or data_dir) at a folder")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("sip.tls_dir");
    }

    @Test
    void reasonsAreWordsNotExceptionNames() {
        Path file = dir.resolve("missing/deeper/file");

        assertThat(FileProblems.reason(file, new java.nio.file.NoSuchFileException(file.toString())))
                .isEqualTo("the folder " + dir.resolve("missing") + " does not exist");
        assertThat(FileProblems.reason(file, new java.nio.file.AccessDeniedException(file.toString())))
                .isEqualTo("permission denied (" + file + " is not writable by this user)");
        assertThat(FileProblems.reason(file, new java.nio.file.FileSystemException(file.toString(), null, "No space left on device")))
                .isEqualTo("the disk is full");
        assertThat(FileProblems.reason(file, new java.nio.file.FileSystemException(file.toString(), null, "Read-only file system")))
                .isEqualTo("the file system is read-only");
    }
}
