package org.switchboard.pbx.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.store.provisioning.JdbiProvisioningTokenStore;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestClock;
import org.switchboard.store.testkit.TestDatabase;

class ProvisioningUrlTokenTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-05-01T10:00:00Z"));

    private ProvisioningUrlToken started(TestDatabase db) {
        ProvisioningUrlToken token = new ProvisioningUrlToken(new JdbiProvisioningTokenStore(db.database()), clock, new EventBus());
        token.start();
        return token;
    }

    @BothEngines
    void theFirstStartGeneratesAnUnguessableTokenThatEveryNodeShares(TestDatabase db) {
        ProvisioningUrlToken first = started(db);
        ProvisioningUrlToken second = started(db);

        assertThat(first.current()).matches("[a-z2-7]{26}");
        assertThat(second.current()).as("a second node on the same database").isEqualTo(first.current());
        assertThat(started(db).current()).isEqualTo(first.current());
    }

    @BothEngines
    void onlyTheWholeCurrentTokenMatches(TestDatabase db) {
        ProvisioningUrlToken token = started(db);
        String current = token.current();

        assertThat(token.matches(current)).isTrue();
        assertThat(token.matches(current.substring(1))).as("a prefix").isFalse();
        assertThat(token.matches(current + "a")).as("longer").isFalse();
        assertThat(token.matches(current.toUpperCase())).as("other case").isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @BothEngines
    void aRotatedTokenReplacesTheOldOneAndSurvivesARestart(TestDatabase db) {
        ProvisioningUrlToken token = started(db);
        String old = token.current();

        String rotated = token.rotate("test");

        assertThat(rotated).isNotEqualTo(old).isEqualTo(token.current());
        assertThat(token.matches(old)).as("the old token").isFalse();
        db.restart();
        assertThat(started(db).current()).as("after restart").isEqualTo(rotated);
    }
}
