package org.switchboard.store.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiAdminStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    @BothEngines
    void savedAdminLoadsAndPasswordChangePersists(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        AdminUser created = users.create("root", HASH, T0);

        AdminUser changed = users.changePassword(created.id(), HASH + "2", T0.plusSeconds(5));

        assertThat(users.findByUsername("root")).contains(changed);
        assertThat(changed.passwordHash()).isEqualTo(HASH + "2");
        assertThat(changed.createdAt()).isEqualTo(T0);
        assertThat(changed.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(users.count()).isEqualTo(1);
        assertThatThrownBy(() -> users.changePassword(created.id() + 100, HASH, T0)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void duplicateUsernameIsConflictNamingUsername(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        users.create("root", HASH, T0);

        assertThatThrownBy(() -> users.create("root", HASH, T0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("username"));
    }

    @BothEngines
    void tokenIsValidUntilItExpiresAndLogoutDeletesIt(TestDatabase db) {
        AdminUser root = new JdbiAdminUserStore(db.database()).create("root", HASH, T0);
        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());
        Instant expires = T0.plusSeconds(3600);

        AdminToken token = tokens.create(root.id(), "aa11", expires, T0);

        assertThat(tokens.findValid("aa11", T0.plusSeconds(10))).contains(token);
        assertThat(token.username()).isEqualTo("root");
        assertThat(tokens.findValid("aa11", expires)).as("expired at expires_at").isEmpty();
        assertThat(tokens.findValid("bb22", T0)).isEmpty();
        assertThat(tokens.delete("aa11")).isTrue();
        assertThat(tokens.delete("aa11")).isFalse();
        assertThat(tokens.findValid("aa11", T0)).isEmpty();
    }

    @BothEngines
    void deleteForUserRevokesOnlyThatAdminsTokens(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        AdminUser root = users.create("root", HASH, T0);
        AdminUser ops = users.create("ops", HASH, T0);
        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());
        tokens.create(root.id(), "r1", T0.plusSeconds(60), T0);
        tokens.create(root.id(), "r2", T0.plusSeconds(60), T0);
        tokens.create(ops.id(), "o1", T0.plusSeconds(60), T0);

        assertThat(tokens.deleteForUser(root.id())).isEqualTo(2);

        assertThat(tokens.findValid("r1", T0)).isEmpty();
        assertThat(tokens.findValid("o1", T0)).isPresent();
    }

    @BothEngines
    void purgeDeletesOnlyExpiredTokens(TestDatabase db) {
        AdminUser root = new JdbiAdminUserStore(db.database()).create("root", HASH, T0);
        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());
        tokens.create(root.id(), "old", T0.plusSeconds(60), T0);
        tokens.create(root.id(), "new", T0.plusSeconds(7200), T0);

        int purged = tokens.purgeExpired(T0.plusSeconds(3600));

        assertThat(purged).isEqualTo(1);
        assertThat(tokens.findValid("new", T0.plusSeconds(3600))).isPresent();
        assertThat(tokens.findValid("old", T0)).isEmpty();
    }

    @BothEngines
    void deletingAdminCascadesToTokensAndSurvivesRestart(TestDatabase db) {
        JdbiAdminUserStore users = new JdbiAdminUserStore(db.database());
        AdminUser root = users.create("root", HASH, T0);
        AdminUser ops = users.create("ops", HASH, T0);
        new JdbiAdminTokenStore(db.database()).create(root.id(), "t1", T0.plusSeconds(60), T0);
        new JdbiAdminTokenStore(db.database()).create(ops.id(), "t2", T0.plusSeconds(60), T0);

        users.delete(root.id());
        db.restart();

        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());
        assertThat(new JdbiAdminUserStore(db.database()).list()).extracting(AdminUser::username).containsExactly("ops");
        assertThat(tokens.findValid("t1", T0)).isEmpty();
        assertThat(tokens.findValid("t2", T0)).isPresent();
    }

    @BothEngines
    void tokenForMissingAdminIsConflict(TestDatabase db) {
        JdbiAdminTokenStore tokens = new JdbiAdminTokenStore(db.database());

        assertThatThrownBy(() -> tokens.create(999, "t1", T0.plusSeconds(60), T0)).isInstanceOf(ConflictException.class);
    }
}
