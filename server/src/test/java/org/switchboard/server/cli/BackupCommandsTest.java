package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup and restore through the command line, on real SQLite files. */
class BackupCommandsTest {
    @TempDir
    Path dir;

    @Test
    void backupThenRestoreIntoAFreshDatabase() throws IOException {
        String source = config("source");
        assertThat(CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password", "-c", source).exitCode()).isZero();
        Path archive = dir.resolve("backup.zip");

        CliRun backup = CliRun.of("backup", archive.toString(), "-c", source);
        assertThat(backup.exitCode()).as(backup.err()).isZero();
        assertThat(backup.out()).startsWith("backup written: " + archive);

        String target = config("target");
        CliRun restore = CliRun.of("restore", archive.toString(), "-c", target);
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).startsWith("restored: " + archive);

        assertThat(CliRun.of("extension", "list", "-c", target).out()).containsPattern("1001\\s+Alice");
    }

    @Test
    void theVoicemailAudioTravelsWithTheBackup() throws IOException {
        String source = config("source");
        CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password", "-c", source);
        Path message = dir.resolve("source-data/voicemail/1/msg-1.wav");
        Files.createDirectories(message.getParent());
        Files.writeString(message, "pretend audio");
        Path archive = dir.resolve("backup.zip");

        CliRun backup = CliRun.of("backup", archive.toString(), "-c", source);
        assertThat(backup.out()).contains("1 files");
        CliRun restore = CliRun.of("restore", archive.toString(), "-c", config("target"));

        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(dir.resolve("target-data/voicemail/1/msg-1.wav")).hasContent("pretend audio");
    }

    @Test
    void restoreRefusesADatabaseWithRows() throws IOException {
        String source = config("source");
        CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password", "-c", source);
        Path archive = dir.resolve("backup.zip");
        CliRun.of("backup", archive.toString(), "-c", source);

        CliRun run = CliRun.of("restore", archive.toString(), "-c", source);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: database: restore needs an empty database").doesNotContain("\tat ");
    }

    @Test
    void restoreRejectsAFileThatIsNotABackup() throws IOException {
        Path notAnArchive = Files.writeString(dir.resolve("notes.txt"), "hello");

        CliRun run = CliRun.of("restore", notAnArchive.toString(), "-c", config("target"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: FILE: ").doesNotContain("\tat ");
    }

    @Test
    void backupDoesNotOverwriteWithoutForce() throws IOException {
        Path existing = Files.writeString(dir.resolve("backup.zip"), "keep me");

        CliRun run = CliRun.of("backup", existing.toString(), "-c", config("source"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FILE: already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    private String config(String name) throws IOException {
        Path file = dir.resolve(name + ".yml");
        Files.writeString(file, "data_dir: " + dir.resolve(name + "-data") + "\ndatabase:\n  url: jdbc:sqlite:"
                + dir.resolve(name + ".db") + "\n");
        return file.toString();
    }
}
