package org.switchboard.store.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Roles, TOTP secrets with recovery codes, and the login audit, on both engines and across a restart. */
class JdbiAdminRoleMfaAuditStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    @BothEngines
    void rolesAreStoredAndTheLastAdministratorStays(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        AdminUser root = users.create("root", HASH, T0);
        AdminUser viewer = users.create("viewer", HASH, AdminRole.READ_ONLY, T0);

        assertThat(root.role()).isEqualTo(AdminRole.ADMINISTRATOR);
        assertThat(viewer.role()).isEqualTo(AdminRole.READ_ONLY);
        assertThatThrownBy(() -> users.changeRole(root.id(), AdminRole.OPERATOR, T0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("role"));
        assertThatThrownBy(() -> users.delete(root.id()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("username"));

        users.changeRole(viewer.id(), AdminRole.ADMINISTRATOR, T0.plusSeconds(1));
        AdminUser demoted = users.changeRole(root.id(), AdminRole.OPERATOR, T0.plusSeconds(2));
        assertThat(demoted.role()).isEqualTo(AdminRole.OPERATOR);
        users.delete(root.id());
        db.restart();

        JdbiAdminUserStore reopened = new JdbiAdminUserStore(db.database());
        assertThat(reopened.list()).extracting(AdminUser::username, AdminUser::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("viewer", AdminRole.ADMINISTRATOR));
    }

    @BothEngines
    void tokensCarryTheirAdminsCurrentRole(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        users.create("root", HASH, T0);
        AdminUser ops = users.create("ops", HASH, AdminRole.OPERATOR, T0);
        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());
        tokens.create(ops.id(), "t1", T0.plusSeconds(60), T0);

        assertThat(tokens.findValid("t1", T0)).map(AdminToken::role).contains(AdminRole.OPERATOR);
        users.changeRole(ops.id(), AdminRole.READ_ONLY, T0);
        assertThat(tokens.findValid("t1", T0)).map(AdminToken::role).contains(AdminRole.READ_ONLY);
    }

    @BothEngines
    void apiTokensHaveANameAndAScopeThatNarrowsTheRoleAndSurviveRestart(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        AdminUser root = users.create("root", HASH, T0);
        AdminUser ops = users.create("ops", HASH, AdminRole.OPERATOR, T0);
        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());
        tokens.create(root.id(), "session", T0.plusSeconds(60), T0);
        AdminToken backup = tokens.createApiToken(root.id(), "api1", "backup script", AdminRole.READ_ONLY, T0.plusSeconds(3600), T0);
        tokens.createApiToken(ops.id(), "api2", "wallboard", AdminRole.ADMINISTRATOR, T0.plusSeconds(3600), T0);
        tokens.createApiToken(root.id(), "old", "expired", AdminRole.OPERATOR, T0.plusSeconds(10), T0);
        db.restart();

        JdbiAdminTokenStore reopened = new JdbiAdminTokenStore(db.database());
        assertThat(reopened.findValid("api1", T0)).contains(backup);
        assertThat(backup.name()).contains("backup script");
        assertThat(backup.effectiveRole()).isEqualTo(AdminRole.READ_ONLY);
        assertThat(reopened.findValid("api2", T0).orElseThrow().effectiveRole()).as("never more than the account's role")
                .isEqualTo(AdminRole.OPERATOR);
        assertThat(reopened.findValid("session", T0).orElseThrow().isApiToken()).isFalse();
        assertThat(reopened.listApiTokens(root.id(), T0.plusSeconds(30))).extracting(t -> t.name().orElseThrow())
                .containsExactly("backup script");
        assertThat(reopened.deleteApiToken(ops.id(), backup.id())).as("another account's token").isFalse();
        assertThat(reopened.deleteApiToken(root.id(), backup.id())).isTrue();
        assertThat(reopened.findValid("api1", T0)).isEmpty();
    }

    @BothEngines
    void totpSecretIsConfirmedOnceStepsOnlyMoveForwardAndCodesAreUsedOnceAcrossRestart(TestDatabase db) {
        AdminUser root = new JdbiAdminUserStore(db.database()).create("root", HASH, T0);
        JdbiMfaStore mfa = new JdbiMfaStore(db.database());
        mfa.saveUnconfirmed(root.id(), "v1:sealed-a", T0);
        mfa.saveUnconfirmed(root.id(), "v1:sealed-b", T0.plusSeconds(1));
        assertThat(mfa.find(root.id())).contains(new MfaSecret(root.id(), "v1:sealed-b", false, 0));
        assertThat(mfa.useStep(root.id(), 5, T0)).as("an unconfirmed secret accepts no login").isFalse();

        assertThat(mfa.confirm(root.id(), 100, List.of("h1", "h2"), T0)).isTrue();
        assertThat(mfa.confirm(root.id(), 101, List.of("h3"), T0)).as("confirmed already").isFalse();
        assertThat(mfa.useStep(root.id(), 100, T0)).as("the confirming code's step again").isFalse();
        assertThat(mfa.useStep(root.id(), 101, T0)).isTrue();
        assertThat(mfa.useStep(root.id(), 99, T0)).as("an older step").isFalse();
        assertThat(mfa.useRecoveryCode(root.id(), "h1", T0)).isTrue();
        db.restart();

        JdbiMfaStore reopened = new JdbiMfaStore(db.database());
        assertThat(reopened.find(root.id())).contains(new MfaSecret(root.id(), "v1:sealed-b", true, 101));
        assertThat(reopened.useRecoveryCode(root.id(), "h1", T0)).as("used before the restart").isFalse();
        assertThat(reopened.useRecoveryCode(root.id(), "nope", T0)).isFalse();
        assertThat(reopened.unusedRecoveryCodes(root.id())).isEqualTo(1);
        assertThat(reopened.remove(root.id())).isTrue();
        assertThat(reopened.find(root.id())).isEmpty();
        assertThat(reopened.unusedRecoveryCodes(root.id())).isZero();
    }

    @BothEngines
    void loginAttemptsAreListedNewestFirstAndSurviveRestart(TestDatabase db) {
        JdbiLoginAuditStore audit = new JdbiLoginAuditStore(db.database());
        audit.record("root", "127.0.0.1", LoginResult.INVALID_CREDENTIALS, T0);
        audit.record("root", "127.0.0.1", LoginResult.MFA_REQUIRED, T0.plusSeconds(1));
        audit.record("eve", "10.0.0.9", LoginResult.THROTTLED, T0.plusSeconds(2));
        audit.record("x".repeat(500), "10.0.0.9", LoginResult.INVALID_CREDENTIALS, T0.plusSeconds(3));
        db.restart();

        JdbiLoginAuditStore reopened = new JdbiLoginAuditStore(db.database());
        assertThat(reopened.newest(Optional.empty(), 3)).extracting(LoginAttempt::result)
                .containsExactly(LoginResult.INVALID_CREDENTIALS, LoginResult.THROTTLED, LoginResult.MFA_REQUIRED);
        assertThat(reopened.newest(Optional.of("root"), 10)).extracting(LoginAttempt::at)
                .containsExactly(T0.plusSeconds(1), T0);
        assertThat(reopened.purgeBefore(T0.plusSeconds(2))).isEqualTo(2);
        assertThat(reopened.newest(Optional.empty(), 10)).hasSize(2);
    }
}
