package org.switchboard.store.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiProvisioningTokenStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String FIRST = "abcdefghijklmnopqrstuvwxyz";
    private static final String SECOND = "zyxwvutsrqponmlkjihgfedcba";

    @BothEngines
    void theFirstCandidateIsKeptAndSurvivesARestart(TestDatabase db) {
        JdbiProvisioningTokenStore store = new JdbiProvisioningTokenStore(db.database());
        assertThat(store.find("installation")).isEmpty();
        assertThat(store.getOrCreate("installation", FIRST, T0)).isEqualTo(FIRST);
        assertThat(store.getOrCreate("installation", SECOND, T0)).as("a later candidate loses").isEqualTo(FIRST);

        JdbiProvisioningTokenStore after = new JdbiProvisioningTokenStore(db.restart());
        assertThat(after.getOrCreate("installation", SECOND, T0)).as("after restart").isEqualTo(FIRST);
    }

    @BothEngines
    void replaceChangesTheTokenForGoodAndLeavesOtherScopes(TestDatabase db) {
        JdbiProvisioningTokenStore store = new JdbiProvisioningTokenStore(db.database());
        store.getOrCreate("installation", FIRST, T0);
        store.getOrCreate("other", FIRST, T0);
        store.replace("installation", SECOND, T0.plusSeconds(1));

        JdbiProvisioningTokenStore after = new JdbiProvisioningTokenStore(db.restart());
        assertThat(after.find("installation")).contains(SECOND);
        assertThat(after.find("other")).contains(FIRST);
    }

    @BothEngines
    void aShortTokenIsRefusedNamingTheField(TestDatabase db) {
        JdbiProvisioningTokenStore store = new JdbiProvisioningTokenStore(db.database());
        assertThatThrownBy(() -> store.replace("installation", "short", T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("token"));
    }
}
