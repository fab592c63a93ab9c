package org.switchboard.store.sipban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiSipBanStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final InetAddress SCANNER = InetAddress.ofLiteral("192.0.2.66");
    private static final InetAddress OTHER = InetAddress.ofLiteral("2001:db8::7");

    @BothEngines
    void aBanLoadsWithEveryFieldWhileItHolds(TestDatabase db) {
        JdbiSipBanStore store = new JdbiSipBanStore(db.database());

        SipBan saved = store.ban(new NewSipBan(SCANNER, "10 authentication failures", 10, T0.plusSeconds(3600)), T0);

        assertThat(store.active(T0)).containsExactly(saved);
        assertThat(saved).extracting(SipBan::address, SipBan::reason, SipBan::failures, SipBan::expiresAt,
                        SipBan::createdAt, SipBan::updatedAt)
                .containsExactly("192.0.2.66", "10 authentication failures", 10, T0.plusSeconds(3600), T0, T0);
        assertThat(store.active(T0.plusSeconds(3600))).as("expired at its expiry").isEmpty();
    }

    @BothEngines
    void banningAgainRenewsTheOneRow(TestDatabase db) {
        JdbiSipBanStore store = new JdbiSipBanStore(db.database());
        SipBan first = store.ban(new NewSipBan(SCANNER, "first", 10, T0.plusSeconds(60)), T0);

        SipBan renewed = store.ban(new NewSipBan(SCANNER, "again", 20, T1.plusSeconds(600)), T1);

        assertThat(renewed.id()).isEqualTo(first.id());
        assertThat(renewed.createdAt()).isEqualTo(T0);
        assertThat(renewed.updatedAt()).isEqualTo(T1);
        assertThat(store.active(T1)).singleElement().satisfies(b -> {
            assertThat(b.reason()).isEqualTo("again");
            assertThat(b.failures()).isEqualTo(20);
        });
    }

    @BothEngines
    void liftingDeletesAndAnUnknownOrExpiredBanIsNotFound(TestDatabase db) {
        JdbiSipBanStore store = new JdbiSipBanStore(db.database());
        store.ban(new NewSipBan(SCANNER, "x", 10, T0.plusSeconds(60)), T0);
        store.ban(new NewSipBan(OTHER, "x", 10, T0.plusSeconds(10)), T0);

        store.lift(SCANNER, T0);

        assertThat(store.active(T0)).extracting(SipBan::address).containsExactly("2001:db8:0:0:0:0:0:7");
        assertThatThrownBy(() -> store.lift(SCANNER, T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.lift(OTHER, T0.plusSeconds(10))).as("already expired")
                .isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void purgeDeletesOnlyEndedBans(TestDatabase db) {
        JdbiSipBanStore store = new JdbiSipBanStore(db.database());
        store.ban(new NewSipBan(SCANNER, "x", 10, T0.plusSeconds(60)), T0);
        store.ban(new NewSipBan(OTHER, "x", 10, T0.plusSeconds(10)), T0);

        assertThat(store.purgeExpired(T0.plusSeconds(10))).isEqualTo(1);

        assertThat(store.active(T0)).extracting(SipBan::address).containsExactly("192.0.2.66");
    }

    @BothEngines
    void bansAndLiftsSurviveARestart(TestDatabase db) {
        JdbiSipBanStore store = new JdbiSipBanStore(db.database());
        store.ban(new NewSipBan(SCANNER, "scanner", 12, T0.plusSeconds(3600)), T0);
        store.ban(new NewSipBan(OTHER, "other", 10, T0.plusSeconds(3600)), T0);
        store.lift(OTHER, T1);

        Database reopened = db.restart();

        assertThat(new JdbiSipBanStore(reopened).active(T1)).singleElement().satisfies(b -> {
            assertThat(b.address()).isEqualTo("192.0.2.66");
            assertThat(b.failures()).isEqualTo(12);
        });
    }

    @Test
    void aBanValidatesItsReasonAndFailuresNamingTheField() {
        assertThatThrownBy(() -> new NewSipBan(SCANNER, " ", 1, T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> new NewSipBan(SCANNER, "x", -1, T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("failures"));
    }
}
