package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.JdbiExtensionStore;

/** The extension commands on a real SQLite file, through the same ExtensionService the API uses. */
class ExtensionCommandsTest {
    @TempDir
    Path dir;
    private String config;
    private Path databaseFile;

    @BeforeEach
    void writeConfig() throws IOException {
        databaseFile = dir.resolve("db/switchboard.db");
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, "sip:\n  domain: pbx.example.com\ndatabase:\n  url: jdbc:sqlite:" + databaseFile + "\n");
        config = file.toString();
    }

    @Test
    void addListRemove() {
        CliRun added = CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password",
                "--email", "alice@example.com", "--voicemail-pin", "0123", "--allow-external", "-c", config);
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).contains("extension 1001 created");
        assertThat(CliRun.of("extension", "add", "1002", "--name", "Bob", "--password=bob-password", "-c", config).exitCode()).isZero();

        CliRun listed = CliRun.of("extension", "list", "-c", config);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out().lines()).hasSize(3);
        assertThat(listed.out()).containsPattern("1001\\s+Alice\\s+alice@example.com\\s+yes\\s+yes")
                .containsPattern("1002\\s+Bob\\s+-\\s+no\\s+yes")
                .doesNotContain("alice-password");

        CliRun removed = CliRun.of("extension", "remove", "1001", "-c", config);
        assertThat(removed.exitCode()).isZero();
        assertThat(CliRun.of("extension", "list", "-c", config).out()).doesNotContain("1001").contains("1002");
    }

    @Test
    void addStoresWhatTheServiceStoresForTheConfiguredRealm() {
        assertThat(CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password", "-c", config).exitCode()).isZero();

        try (Database database = Database.open(DatabaseSettings.sqlite(databaseFile))) {
            Extension stored = new JdbiExtensionStore(database).findByNumber("1001").orElseThrow();
            assertThat(stored.realm()).isEqualTo("pbx.example.com");
            assertThat(stored.ha1Md5()).isEqualTo(DigestAlgorithm.MD5.ha1("1001", "pbx.example.com", "alice-password"));
        }
    }

    @Test
    void badFieldNamesTheOptionAndExitsWithTwo() {
        CliRun run = CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password",
                "--voicemail-pin", "12", "-c", config);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --voicemail-pin: must be 4 to 10 digits\n");
    }

    @Test
    void badNumberNamesTheParameter() {
        CliRun run = CliRun.of("extension", "add", "12ab", "--name", "Alice", "--password=alice-password", "-c", config);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("NUMBER: must be 2 to 10 digits");
    }

    @Test
    void duplicateNumberIsAFailure() {
        CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password", "-c", config);

        CliRun again = CliRun.of("extension", "add", "1001", "--name", "Alice", "--password=alice-password", "-c", config);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("error: NUMBER: ").doesNotContain("\tat ");
    }

    @Test
    void removingAnUnknownExtensionIsAFailure() {
        CliRun run = CliRun.of("extension", "remove", "4242", "-c", config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: extension 4242 not found\n");
    }

    @Test
    void migrateCreatesTheSchema() {
        CliRun run = CliRun.of("migrate", "-c", config);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("database migrated: schema version ");
        assertThat(databaseFile).exists();
    }
}
