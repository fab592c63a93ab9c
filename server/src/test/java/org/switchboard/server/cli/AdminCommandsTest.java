package org.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.admin.AdminAuthService;
import org.switchboard.pbx.admin.Argon2PasswordHasher;
import org.switchboard.pbx.admin.AuthPolicy;
import org.switchboard.pbx.admin.InvalidCredentialsException;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;

/** {@code admin reset-password} on a real SQLite file, through the same AdminAuthService the API uses. */
class AdminCommandsTest {
    @TempDir
    Path dir;
    private String config;
    private Path databaseFile;

    @BeforeEach
    void writeConfig() throws IOException {
        databaseFile = dir.resolve("switchboard.db");
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, "database:\n  url: jdbc:sqlite:" + databaseFile + "\n");
        config = file.toString();
    }

    private static AdminAuthService auth(Database database) {
        // Cheap Argon2 cost for the test's own logins; hashes carry their parameters, so it checks the CLI's too.
        return new AdminAuthService(new JdbiAdminUserStore(database), new JdbiAdminTokenStore(database),
                new Argon2PasswordHasher(256, 1, 1), AuthPolicy.defaults(), Clock.systemUTC());
    }

    @Test
    void resetSetsTheNewPasswordAndEndsTheAdminsSessions() {
        String token;
        try (Database database = Database.open(DatabaseSettings.sqlite(databaseFile))) {
            AdminAuthService auth = auth(database);
            auth.ensureInitialAdmin("root", "lost-password");
            token = auth.login("root", "lost-password", "127.0.0.1").token();
        }

        CliRun run = CliRun.of("admin", "reset-password", "root", "--password=found-password", "-c", config);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("admin root: password reset, 1 session ended\n");
        try (Database database = Database.open(DatabaseSettings.sqlite(databaseFile))) {
            AdminAuthService auth = auth(database);
            assertThat(auth.authenticate(token)).as("the old session is revoked").isEmpty();
            assertThatThrownBy(() -> auth.login("root", "lost-password", "127.0.0.2")).isInstanceOf(InvalidCredentialsException.class);
            assertThat(auth.login("root", "found-password", "127.0.0.3").token()).isNotBlank();
        }
    }

    @Test
    void unknownAdminFailsWithOne() {
        CliRun run = CliRun.of("admin", "reset-password", "nobody", "--password=found-password", "-c", config);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: admin nobody not found\n");
    }

    @Test
    void shortPasswordNamesTheOptionAndExitsWithTwo() {
        CliRun run = CliRun.of("admin", "reset-password", "root", "--password=short", "-c", config);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: --password: must be at least 8 characters\n");
    }

    @Test
    void withoutASubcommandIsAUsageError() {
        assertThat(CliRun.of("admin").exitCode()).isEqualTo(2);
    }
}
