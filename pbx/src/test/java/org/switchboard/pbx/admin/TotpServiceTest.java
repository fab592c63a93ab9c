package org.switchboard.pbx.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.admin.SecondFactor.Verdict;
import org.switchboard.pbx.provisioning.DeviceSecretCipher;
import org.switchboard.store.admin.AdminUser;
import org.switchboard.store.admin.JdbiAdminUserStore;
import org.switchboard.store.admin.JdbiMfaStore;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.DatabaseSettings;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.TestClock;

class TotpServiceTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T08:00:10Z"));
    private Database db;
    private JdbiMfaStore store;
    private TotpService totp;
    private AdminUser root;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseSettings.sqlite(dir.resolve("sb.db")));
        JdbiAdminUserStore users = new JdbiAdminUserStore(db);
        root = users.create("root", "$argon2id$x", clock.instant());
        store = new JdbiMfaStore(db);
        totp = new TotpService(users, store, sealer(new DeviceSecretCipher(DeviceSecretCipher.newKey())), clock);
    }

    /** The node's provisioning cipher as the admin feature sees it, wired like the server does. */
    static SecretSealer sealer(DeviceSecretCipher cipher) {
        return new SecretSealer() {
            @Override
            public String seal(String owner, String secret) {
                return cipher.seal(owner, secret);
            }

            @Override
            public String open(String owner, String sealed) {
                return cipher.open(owner, sealed);
            }
        };
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String codeAt(String secret, Instant at) {
        return Totp.code(Base32.decode(secret, "secret"), Totp.step(at));
    }

    @Test
    void enrolmentGivesAnOtpauthUriAndStoresTheSecretSealed() {
        TotpEnrolment e = totp.enrol("root");

        assertThat(e.secret()).matches("[A-Z2-7]{32}");
        assertThat(URLDecoder.decode(e.otpauthUri(), StandardCharsets.UTF_8))
                .isEqualTo("otpauth://totp/Switchboard:root?secret=" + e.secret() + "&issuer=Switchboard");
        assertThat(store.find(root.id()).orElseThrow().sealedSecret()).startsWith("v1:").doesNotContain(e.secret());
        assertThat(totp.check(root, Optional.empty())).as("not on before confirmation").isEqualTo(Verdict.NOT_ENROLLED);
    }

    @Test
    void confirmNeedsTheCurrentCodeThenLoginsNeedAFreshOne() {
        String secret = totp.enrol("root").secret();
        assertThatThrownBy(() -> totp.confirm("root", "000000".equals(codeAt(secret, clock.instant())) ? "111111" : "000000"))
                .isInstanceOfSatisfying(ValidationException.class, v -> assertThat(v.field()).isEqualTo("code"));

        String first = codeAt(secret, clock.instant());
        List<String> recovery = totp.confirm("root", first);

        assertThat(recovery).hasSize(10).allMatch(c -> c.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}")).doesNotHaveDuplicates();
        assertThat(totp.status("root")).isEqualTo(new MfaStatus(true, false, 10));
        assertThat(totp.check(root, Optional.empty())).isEqualTo(Verdict.MISSING);
        assertThat(totp.check(root, Optional.of(first))).as("the confirming code is used").isEqualTo(Verdict.WRONG);
        assertThatThrownBy(() -> totp.enrol("root")).isInstanceOf(ConflictException.class);

        clock.advance(Duration.ofSeconds(30));
        String next = codeAt(secret, clock.instant());
        assertThat(totp.check(root, Optional.of(next))).isEqualTo(Verdict.PASSED);
        assertThat(totp.check(root, Optional.of(next))).as("replay of the same code").isEqualTo(Verdict.WRONG);
    }

    @Test
    void oneStepOfDriftEitherWayIsAcceptedTwoAreNot() {
        String secret = totp.enrol("root").secret();
        totp.confirm("root", codeAt(secret, clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        Instant now = clock.instant();

        assertThat(totp.check(root, Optional.of(codeAt(secret, now.minusSeconds(60))))).as("two steps behind").isEqualTo(Verdict.WRONG);
        assertThat(totp.check(root, Optional.of(codeAt(secret, now.plusSeconds(60))))).as("two steps ahead").isEqualTo(Verdict.WRONG);
        assertThat(totp.check(root, Optional.of(codeAt(secret, now.minusSeconds(30))))).as("one behind").isEqualTo(Verdict.PASSED);
        assertThat(totp.check(root, Optional.of(codeAt(secret, now.plusSeconds(30))))).as("one ahead").isEqualTo(Verdict.PASSED);
        assertThat(totp.check(root, Optional.of(codeAt(secret, now)))).as("older than the one just used").isEqualTo(Verdict.WRONG);
    }

    @Test
    void aRecoveryCodeWorksOnceInAnySpellingAndResetTurnsTotpOff() {
        String secret = totp.enrol("root").secret();
        String code = totp.confirm("root", codeAt(secret, clock.instant())).get(3);

        assertThat(totp.check(root, Optional.of(" " + code.toLowerCase().replace("-", "") + " "))).isEqualTo(Verdict.PASSED);
        assertThat(totp.check(root, Optional.of(code))).as("used once").isEqualTo(Verdict.WRONG);
        assertThat(totp.status("root").recoveryCodesLeft()).isEqualTo(9);

        assertThat(totp.reset("root", "admin:other")).isTrue();
        assertThat(totp.check(root, Optional.empty())).isEqualTo(Verdict.NOT_ENROLLED);
    }
}
