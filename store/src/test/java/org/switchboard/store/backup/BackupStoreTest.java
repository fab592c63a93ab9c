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
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.seed.Seed;
import org.switchboard.store.seed.SeedRunner;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

class BackupStoreTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09.123Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private static NewExtension ext(String number, String email, String pin, boolean external, boolean enabled) {
        return new NewExtension(number, "Name " + number, email, MD5, MD5 + MD5, "pbx.example.com", pin, external, enabled, null);
    }

    private static void fill(Database db) {
        JdbiExtensionStore extensions = new JdbiExtensionStore(db);
        Extension gone = extensions.create(ext("1000", null, null, false, true), T0);
        extensions.create(ext("1001", "a@example.com", "$argon2id$pin", true, false), T0);
        extensions.create(ext("1002", null, null, false, true), T0.plusMillis(1));
        extensions.delete(gone.id());
        AdminUser root = new JdbiAdminUserStore(db).create("root", "$argon2id$pw", T0);
        new JdbiAdminTokenStore(db).create(root.id(), "ab12", T0.plusSeconds(3600), T0);
        new SeedRunner(db, CLOCK).run(new Seed() {
            @Override
            public String name() {
                return "speed_dials";
            }

            @Override
            public boolean hasRows() {
                return false;
            }

            @Override
            public void apply() {}
        });
    }

    /** Everything the stores can see, for comparing two databases. */
    private static List<Object> contents(Database db) {
        return List.of(
                new JdbiExtensionStore(db).list(),
                new JdbiAdminUserStore(db).list(),
                new JdbiAdminTokenStore(db).findValid("ab12", T0),
                new SeedRunner(db, CLOCK).find("speed_dials"));
    }

    @Test
    void dataMovesSqliteToPostgresqlToSqliteUnchanged() {
        try (TestDatabase source = TestDatabases.sqlite();
                TestDatabase middle = TestDatabases.postgresql();
                TestDatabase target = TestDatabases.sqlite()) {
            fill(source.database());
            List<Object> original = contents(source.database());

            BackupManifest first = Backup.export(source.database(), dir.resolve("a.zip"), CLOCK);
            Backup.restore(middle.database(), dir.resolve("a.zip"));
            assertThat(contents(middle.database())).isEqualTo(original);
            Backup.export(middle.database(), dir.resolve("b.zip"), CLOCK);
            Backup.restore(target.database(), dir.resolve("b.zip"));

            assertThat(contents(target.database())).isEqualTo(original);
            assertThat(first.engine()).isEqualTo("sqlite");
            assertThat(first.tables()).extracting(BackupManifest.TableEntry::name)
                    .containsSubsequence("admin_users", "admin_tokens")
                    .contains("extensions", "applied_seeds")
                    .doesNotContain("flyway_schema_history");
        }
    }

    @BothEngines
    void restoredDatabaseHandsOutIdsAfterTheRestoredOnes(TestDatabase target) {
        try (TestDatabase source = TestDatabases.sqlite()) {
            fill(source.database());
            Backup.export(source.database(), dir.resolve("a.zip"), CLOCK);
        }
        Backup.restore(target.database(), dir.resolve("a.zip"));
        JdbiExtensionStore store = new JdbiExtensionStore(target.restart());

        Extension added = store.create(ext("1003", null, null, false, true), T0);

        assertThat(added.id()).isGreaterThan(store.findByNumber("1002").orElseThrow().id());
        assertThat(store.count()).isEqualTo(3);
    }

    @BothEngines
    void restoreRefusesNonEmptyDatabaseAndChangesNothing(TestDatabase db) {
        fill(db.database());
        Backup.export(db.database(), dir.resolve("a.zip"), CLOCK);
        List<Object> before = contents(db.database());

        assertThatThrownBy(() -> Backup.restore(db.database(), dir.resolve("a.zip")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("database");
                    assertThat(e.getMessage()).contains("empty");
                });
        assertThat(contents(db.database())).isEqualTo(before);
    }

    @Test
    void fileThatIsNotAnArchiveIsAValidationError() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
        try (TestDatabase db = TestDatabases.sqlite()) {
            assertThatThrownBy(() -> Backup.restore(db.database(), junk))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("archive"));
        }
    }

    @Test
    void archiveFromNewerSchemaIsRefused() throws IOException {
        Path archive = dir.resolve("newer.zip");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(Backup.JSON.writeValueAsBytes(new BackupManifest(1, "999", "sqlite", T0, List.of(), List.of())));
            zip.closeEntry();
        }
        try (TestDatabase db = TestDatabases.sqlite()) {
            assertThatThrownBy(() -> Backup.restore(db.database(), archive))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("newer"));
        }
    }

    @Test
    void manifestRoundTripsThroughJson() throws IOException {
        BackupManifest manifest = new BackupManifest(1, "003", "postgresql", T0,
                List.of(new BackupManifest.TableEntry("extensions", 2, List.of("id", "number"))),
                List.of(new BackupManifest.FolderEntry("voicemail", 3, 4096)));
        byte[] json = Backup.JSON.writeValueAsBytes(manifest);

        assertThat(Backup.JSON.readValue(json, BackupManifest.class)).isEqualTo(manifest);
        assertThat(Backup.JSON.readValue(json, Map.class)).containsEntry("exportedAt", "2026-05-06T07:08:09.123Z");
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"schemaVersion\":\"003\"");
    }
}
