package org.switchboard.pbx.sipban;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.sipban.JdbiSipBanStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Two nodes on one database: a ban made on one holds on the other after a sync, and survives a restart. */
class SipBanServiceTest {
    private static final InetAddress SCANNER = InetAddress.ofLiteral("203.0.113.9");

    @BothEngines
    void aBanMadeOnOneNodeHoldsOnTheOtherAndAfterARestartUntilLifted(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (EventBus events = new EventBus();
                SipBanService nodeA = new SipBanService(new JdbiSipBanStore(db.database()), events, clock);
                SipBanService nodeB = new SipBanService(new JdbiSipBanStore(db.database()), events, clock)) {
            nodeA.ban(SCANNER, "10 failures", 10, Duration.ofHours(1));
            assertThat(nodeA.isBlocked(SCANNER)).as("at once on the banning node").isTrue();
            await().until(() -> nodeA.list().size() == 1);

            nodeB.reloadCache(); // what its sync does every interval
            assertThat(nodeB.isBlocked(SCANNER)).as("on the other node after a sync").isTrue();

            try (SipBanService restarted = new SipBanService(new JdbiSipBanStore(db.restart()), events, clock)) {
                restarted.reloadCache();
                assertThat(restarted.isBlocked(SCANNER)).as("after a restart").isTrue();
                restarted.lift(SCANNER, "admin");
                assertThat(restarted.isBlocked(SCANNER)).isFalse();
                assertThatThrownBy(() -> restarted.lift(SCANNER, "admin")).isInstanceOf(NotFoundException.class);
            }
        }
    }

    @BothEngines
    void aBanEndsAtItsExpiry(TestDatabase db) {
        TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
        try (EventBus events = new EventBus();
                SipBanService node = new SipBanService(new JdbiSipBanStore(db.database()), events, clock)) {
            node.ban(SCANNER, "10 failures", 10, Duration.ofMinutes(5));
            await().until(() -> node.list().size() == 1);

            clock.advance(Duration.ofMinutes(5));
            node.reloadCache();

            assertThat(node.isBlocked(SCANNER)).isFalse();
            assertThat(node.list()).isEmpty();
        }
    }
}
