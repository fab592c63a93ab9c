package org.switchboard.pbx.admin;

import org.switchboard.store.testkit.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.auth.DigestAlgorithm;
import org.switchboard.store.admin.JdbiAdminTokenStore;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.db.UnavailableException;
import org.switchboard.store.db.ValidationException;

class AdminAuthServiceTest {
    private static final String CLIENT = "127.0.0.1";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:00Z"));
    private Database db;
    private JdbiAdminTokenStore tokens;
    private AdminAuthService auth;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dir.resolve("sb.db")));
        tokens = new JdbiAdminTokenStore(db);
        // Cheap Argon2 cost: the production cost is covered by Argon2PasswordHasherTest.
        auth = new AdminAuthService(new JdbiAdminUserStore(db), tokens, new Argon2PasswordHasher(256, 1, 1),
                AuthPolicy.defaults(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void tokensThisNodeKnowsKeepWorkingFromMemoryWhileTheDatabaseIsDown() {
        auth.ensureInitialAdmin("admin", "admin-password");
        String kept = auth.login("admin", "admin-password", CLIENT).token();
        String loggedOut = auth.login("admin", "admin-password", CLIENT).token();
        auth.logout(loggedOut);
        String neverSeen = "A".repeat(43);

        db.close();

        assertThat(auth.authenticate(kept)).hasValueSatisfying(s -> assertThat(s.username()).isEqualTo("admin"));
        assertThatThrownBy(() -> auth.authenticate(loggedOut)).as("a revoked token is forgotten too")
                .isInstanceOf(UnavailableException.class);
        assertThatThrownBy(() -> auth.authenticate(neverSeen)).isInstanceOf(UnavailableException.class);
        clock.advance(Duration.ofHours(13));
        assertThatThrownBy(() -> auth.authenticate(kept)).as("an expired session is not answered from memory")
                .isInstanceOf(UnavailableException.class);
    }

    @Test
    void firstRunWithoutPasswordGeneratesOneThatWorksAndIsReturnedOnlyOnce() {
        String generated = auth.ensureInitialAdmin("admin", null).orElseThrow();
        assertThat(generated).hasSizeGreaterThanOrEqualTo(24);
        assertThat(auth.ensureInitialAdmin("admin", null)).as("second start").isEmpty();
        assertThat(auth.login("admin", generated, CLIENT).token()).isNotBlank();
    }

    @Test
    void firstRunWithConfiguredPasswordUsesIt() {
        assertThat(auth.ensureInitialAdmin("root", "configured-pw")).isEmpty();
        assertThat(auth.login("root", "configured-pw", CLIENT).expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    }

    @Test
    void configuredPasswordThatIsTooShortIsRejected() {
        assertThatThrownBy(() -> auth.ensureInitialAdmin("root", "short"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("admin.password"));
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSameFailure() {
        auth.ensureInitialAdmin("admin", "right-password");
        assertThatThrownBy(() -> auth.login("admin", "wrong-password", CLIENT)).isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> auth.login("nobody", "right-password", CLIENT)).isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void tokenIsRandomBase64UrlStoredOnlyAsItsHash() {
        auth.ensureInitialAdmin("admin", "right-password");
        String token = auth.login("admin", "right-password", CLIENT).token();
        assertThat(token).matches("[A-Za-z0-9_-]{43}").as("256 bits, base64url");
        assertThat(auth.login("admin", "right-password", CLIENT).token()).isNotEqualTo(token);
        String hash = DigestAlgorithm.SHA_256.hashHex(token);
        assertThat(tokens.findValid(hash, clock.instant())).as("stored by SHA-256").isPresent();
        assertThat(tokens.findValid(token, clock.instant())).as("plain token is not stored").isEmpty();
    }

    @Test
    void tokenAuthenticatesUntilItExpires() {
        auth.ensureInitialAdmin("admin", "right-password");
        String token = auth.login("admin", "right-password", CLIENT).token();
        assertThat(auth.authenticate(token)).get().extracting(AdminSession::username).isEqualTo("admin");
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertThat(auth.authenticate(token)).as("just before expiry").isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(auth.authenticate(token)).as("at expiry").isEmpty();
        assertThat(auth.purgeExpiredTokens()).isEqualTo(1);
    }

    @Test
    void logoutRevokesTheToken() {
        auth.ensureInitialAdmin("admin", "right-password");
        String token = auth.login("admin", "right-password", CLIENT).token();
        auth.logout(token);
        assertThat(auth.authenticate(token)).isEmpty();
    }

    @Test
    void malformedTokensNeverAuthenticate() {
        assertThat(auth.authenticate("")).isEmpty();
        assertThat(auth.authenticate("not a token")).isEmpty();
        assertThat(auth.authenticate("A".repeat(43))).isEmpty();
    }

    @Test
    void fiveFailuresBlockEvenTheRightPasswordUntilTheWindowPasses() {
        auth.ensureInitialAdmin("admin", "right-password");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> auth.login("admin", "wrong-password", CLIENT)).isInstanceOf(InvalidCredentialsException.class);
        }
        assertThatThrownBy(() -> auth.login("admin", "right-password", CLIENT))
                .isInstanceOfSatisfying(LoginThrottledException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(5)));
        clock.advance(Duration.ofMinutes(5));
        assertThat(auth.login("admin", "right-password", CLIENT).token()).isNotBlank();
    }
}
