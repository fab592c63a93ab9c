package org.switchboard.store.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiSecretStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @BothEngines
    void firstSecretIsKeptAndLaterGeneratorsAreIgnored(TestDatabase db) {
        SecretStore store = new JdbiSecretStore(db.database());
        byte[] first = store.getOrCreate("sip.nonce", () -> new byte[] {1, 2, 3}, T0);
        byte[] second = store.getOrCreate("sip.nonce", () -> new byte[] {9, 9, 9}, T0);

        assertThat(first).containsExactly(1, 2, 3);
        assertThat(second).as("an existing secret wins over a new candidate").containsExactly(1, 2, 3);
    }

    @BothEngines
    void secretsAreSeparateByNameAndSurviveARestart(TestDatabase db) {
        new JdbiSecretStore(db.database()).getOrCreate("a", () -> new byte[] {1}, T0);
        new JdbiSecretStore(db.database()).getOrCreate("b", () -> new byte[] {2}, T0);

        db.restart();
        SecretStore store = new JdbiSecretStore(db.database());

        assertThat(store.getOrCreate("a", () -> new byte[] {7}, T0)).containsExactly(1);
        assertThat(store.getOrCreate("b", () -> new byte[] {7}, T0)).containsExactly(2);
    }

    @BothEngines
    void blankNameIsAValidationError(TestDatabase db) {
        SecretStore store = new JdbiSecretStore(db.database());
        assertThatThrownBy(() -> store.getOrCreate(" ", () -> new byte[] {1}, T0))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 to 64");
    }
}
