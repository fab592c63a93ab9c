package org.switchboard.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;
import org.switchboard.store.voicemail.JdbiVoicemailStore;
import org.switchboard.store.voicemail.NewMessage;
import org.switchboard.store.voicemail.StoredMessage;

/** A backup carries the voicemail audio beside the rows that name it, and a restore brings both back. */
class BackupFilesStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09.123Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final byte[] AUDIO = "RIFF....WAVEfmt pretend audio".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @BothEngines
    void voicemailAudioAndItsRowsMoveToAnotherEngineAndDataDirectory(TestDatabase target) throws IOException {
        Path sourceData = dir.resolve("source");
        Path targetData = dir.resolve("target");
        StoredMessage message;
        try (TestDatabase source = TestDatabases.sqlite()) {
            Extension e = new JdbiExtensionStore(source.database()).create(
                    new NewExtension("1001", "Alice", null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
            Path box = Files.createDirectories(sourceData.resolve("voicemail").resolve(Long.toString(e.id())));
            Files.write(box.resolve("msg-1.wav"), AUDIO);
            message = new JdbiVoicemailStore(source.database()).addMessage(
                    new NewMessage(e.id(), "1002", "Bob", T0, 1500, "msg-1.wav"), T0);

            BackupManifest written = Backup.export(source.database(), dir.resolve("a.zip"), CLOCK,
                    new BackupFiles(sourceData, List.of("voicemail")));

            assertThat(written.files()).containsExactly(new BackupManifest.FolderEntry("voicemail", 1, AUDIO.length));
        }

        Backup.restore(target.database(), dir.resolve("a.zip"), targetData);

        assertThat(new JdbiVoicemailStore(target.database()).messages(message.extensionId(), null)).containsExactly(message);
        assertThat(targetData.resolve("voicemail").resolve(Long.toString(message.extensionId())).resolve("msg-1.wav"))
                .hasBinaryContent(AUDIO);
    }

    @Test
    void anArchiveWithFilesIsRefusedWithoutADataDirectory() throws IOException {
        Files.createDirectories(dir.resolve("data/voicemail/7"));
        Files.write(dir.resolve("data/voicemail/7/x.wav"), AUDIO);
        try (TestDatabase source = TestDatabases.sqlite(); TestDatabase target = TestDatabases.sqlite()) {
            Backup.export(source.database(), dir.resolve("a.zip"), CLOCK, new BackupFiles(dir.resolve("data"), List.of("voicemail")));

            assertThatThrownBy(() -> Backup.restore(target.database(), dir.resolve("a.zip")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("archive");
                        assertThat(e.getMessage()).contains("voicemail");
                    });
        }
        try (ZipFile zip = new ZipFile(dir.resolve("a.zip").toFile())) {
            assertThat(zip.getEntry("files/voicemail/7/x.wav")).isNotNull();
        }
    }

    @Test
    void aFileThatWouldLeaveItsFolderIsRefusedAndNothingIsWrittenOutside() throws IOException {
        Path archive = dir.resolve("evil.zip");
        try (TestDatabase source = TestDatabases.sqlite()) {
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, source.database().schemaVersion(), "sqlite",
                    T0, List.of(), List.of(new BackupManifest.FolderEntry("voicemail", 1, 3)));
            try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(Backup.JSON.writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("files/voicemail/../../escaped.txt"));
                zip.write("bad".getBytes(StandardCharsets.US_ASCII));
                zip.closeEntry();
            }
        }
        try (TestDatabase target = TestDatabases.sqlite()) {
            assertThatThrownBy(() -> Backup.restore(target.database(), archive, dir.resolve("data")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("outside"));
        }
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void aManifestWithoutFilesReadsAsCarryingNone() throws IOException {
        BackupManifest old = Backup.JSON.readValue("""
                {"format":1,"schemaVersion":"100","engine":"sqlite","exportedAt":"2026-05-06T07:08:09.123Z","tables":[]}""",
                BackupManifest.class);

        assertThat(old.files()).isEmpty();
    }
}
