package org.switchboard.store.callsettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.Extension;
import org.switchboard.store.extension.ExtensionUpdate;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiCallSettingsStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final String MD5 = "0123456789abcdef0123456789abcdef";
    private static final NewCallSettings FORWARD_ALL =
            new NewCallSettings(new Forwarding(true, "1002"), new Forwarding(false, "1003"),
                    new Forwarding(true, "*97"), 25, false, null, MediaEncryption.REQUIRE);

    private static Extension extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0);
    }

    @BothEngines
    void savedSettingsLoadWithEveryField(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiCallSettingsStore store = new JdbiCallSettingsStore(db.database());

        CallSettings saved = store.save("1001", FORWARD_ALL, T0);

        assertThat(store.find("1001")).contains(saved);
        assertThat(saved.values()).isEqualTo(FORWARD_ALL);
        assertThat(saved.createdAt()).isEqualTo(T0);
        assertThat(store.find("1002")).isEmpty();
    }

    @BothEngines
    void savingAgainReplacesTheValuesAndKeepsCreatedAt(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiCallSettingsStore store = new JdbiCallSettingsStore(db.database());
        store.save("1001", FORWARD_ALL, T0);

        CallSettings updated = store.save("1001", NewCallSettings.DEFAULTS.withDoNotDisturb(true), T1);

        assertThat(updated.values().doNotDisturb()).isTrue();
        assertThat(updated.values().mediaEncryption()).as("the default policy").isEqualTo(MediaEncryption.OFFER);
        assertThat(updated.values().forwardAlways()).isEqualTo(Forwarding.OFF);
        assertThat(updated.createdAt()).isEqualTo(T0);
        assertThat(updated.updatedAt()).isEqualTo(T1);
        assertThat(store.list()).containsExactly(updated);
    }

    @BothEngines
    void deletePersistsAndAMissingRowIsNotFound(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiCallSettingsStore store = new JdbiCallSettingsStore(db.database());
        store.save("1001", FORWARD_ALL, T0);

        store.delete("1001");

        assertThat(store.find("1001")).isEmpty();
        assertThatThrownBy(() -> store.delete("1001")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        JdbiCallSettingsStore store = new JdbiCallSettingsStore(db.database());
        store.save("1001", FORWARD_ALL, T0);
        store.save("1002", FORWARD_ALL, T0);
        store.save("1001", FORWARD_ALL.withForwardAlways(FORWARD_ALL.forwardAlways().off()), T1);
        store.delete("1002");

        JdbiCallSettingsStore reopened = new JdbiCallSettingsStore(db.restart());

        assertThat(reopened.list()).hasSize(1);
        assertThat(reopened.find("1001").orElseThrow().values().forwardAlways()).isEqualTo(new Forwarding(false, "1002"));
        assertThat(reopened.find("1001").orElseThrow().values().mediaEncryption()).isEqualTo(MediaEncryption.REQUIRE);
    }

    @BothEngines
    void settingsOfAnUnknownExtensionAreNotFound(TestDatabase db) {
        JdbiCallSettingsStore store = new JdbiCallSettingsStore(db.database());

        assertThatThrownBy(() -> store.save("1999", FORWARD_ALL, T0))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.entity()).isEqualTo("extension"));
        assertThat(store.list()).isEmpty();
    }

    @BothEngines
    void deletingOrRenumberingTheExtensionTakesItsSettingsAlong(TestDatabase db) {
        Extension a = extension(db.database(), "1001");
        Extension b = extension(db.database(), "1002");
        JdbiCallSettingsStore store = new JdbiCallSettingsStore(db.database());
        JdbiExtensionStore extensions = new JdbiExtensionStore(db.database());
        store.save("1001", FORWARD_ALL, T0);
        store.save("1002", FORWARD_ALL, T0);

        extensions.delete(a.id());
        extensions.update(b.id(), new ExtensionUpdate("1009", "B", null, Optional.empty(), Optional.empty(), false, true, null), T1);

        assertThat(store.list()).extracting(CallSettings::extensionNumber).containsExactly("1009");
    }

    @Test
    void enabledForwardingNeedsATargetAndTheTimeoutHasARange() {
        assertThatThrownBy(() -> new NewCallSettings(new Forwarding(true, " "), null, null, 20, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("forward_always.target"));
        assertThatThrownBy(() -> new NewCallSettings(null, null, null, 4, false))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("forward_no_answer.timeout_seconds"));
        assertThatThrownBy(() -> new NewCallSettings(null, null, null, 301, false))
                .isInstanceOf(ValidationException.class);
    }
}
