package org.switchboard.store.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiFraudStoresTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    private static long extension(Database database, String number) {
        return new JdbiExtensionStore(database).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.test", null, false, true, null), T0).id();
    }

    @BothEngines
    void aNewDatabaseHasConservativeDefaultSettings(TestDatabase db) {
        FraudSettings settings = new JdbiFraudSettingsStore(db.database()).settings();

        assertThat(settings.defaultPermission()).isEqualTo(OutboundClass.NATIONAL);
        assertThat(settings.internationalPrefixes()).containsExactly("011", "00");
        assertThat(settings.premiumPrefixes()).contains("1900", "900");
        assertThat(settings.afterHoursRule()).isEmpty();
    }

    @BothEngines
    void settingsLimitsPatternsAndEventsSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiFraudSettingsStore settings = new JdbiFraudSettingsStore(db.database());
        FraudSettings saved = settings.saveSettings(new FraudSettings(OutboundClass.LOCAL, List.of("00"), List.of("0"),
                List.of("0900"), 5_000_000, 120, 2, Optional.of("office")), T0);
        settings.saveLimits(new ExtensionLimits("1001", OutboundClass.INTERNATIONAL, 1_500_000L, null, 1), T0);
        BlockedPattern cuba = new JdbiBlockedPatternStore(db.database())
                .create(new NewBlockedPattern("01153", "Cuba: not a market we call", true), T0);
        db.database().execute(h -> new JdbiFraudEventStore(db.database()).batchSink().write(h,
                List.of(FraudEvent.refused(T0, "1001", "011537", "blocked_pattern", "Forbidden - blocked destination"))));

        Database reopened = db.restart();

        JdbiFraudSettingsStore again = new JdbiFraudSettingsStore(reopened);
        assertThat(again.settings()).isEqualTo(saved);
        assertThat(again.limits()).containsExactly(
                new ExtensionLimits("1001", OutboundClass.INTERNATIONAL, 1_500_000L, null, 1));
        assertThat(new JdbiBlockedPatternStore(reopened).list()).containsExactly(cuba);
        assertThat(new JdbiFraudEventStore(reopened).recent(Optional.of("1001"), 10)).singleElement().satisfies(e -> {
            assertThat(e.id()).isPositive();
            assertThat(e).extracting(FraudEvent::occurredAt, FraudEvent::number, FraudEvent::rule, FraudEvent::action)
                    .containsExactly(Instant.ofEpochMilli(T0.toEpochMilli()),
                            "011537", "blocked_pattern", "refused");
        });
        assertThat(new JdbiFraudEventStore(reopened).recent(Optional.of("1002"), 10)).isEmpty();
    }

    @BothEngines
    void limitsFollowTheirExtensionAndAnUnknownOneIsNotFound(TestDatabase db) {
        long id = extension(db.database(), "1001");
        JdbiFraudSettingsStore store = new JdbiFraudSettingsStore(db.database());
        store.saveLimits(new ExtensionLimits("1001", OutboundClass.INTERNAL, null, null, null), T0);

        assertThatThrownBy(() -> store.saveLimits(new ExtensionLimits("9999", OutboundClass.LOCAL, null, null, null), T0))
                .isInstanceOf(NotFoundException.class);
        new JdbiExtensionStore(db.database()).delete(id);
        assertThat(store.limits()).isEmpty();
        assertThat(store.deleteLimits("1001")).isFalse();
    }

    @BothEngines
    void patternsUpdateDeleteAndConflictOnPrefix(TestDatabase db) {
        JdbiBlockedPatternStore store = new JdbiBlockedPatternStore(db.database());
        BlockedPattern p = store.create(new NewBlockedPattern("1900", "premium", true), T0);

        assertThatThrownBy(() -> store.create(new NewBlockedPattern("1900", "again", true), T0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("prefix"));
        BlockedPattern off = store.update(p.id(), new NewBlockedPattern("1900", "premium", false), T0.plusSeconds(1));
        assertThat(off.values().enabled()).isFalse();
        assertThat(off.updatedAt()).isEqualTo(T0.plusSeconds(1));
        store.delete(p.id());
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.delete(p.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void valuesNameTheFieldTheyBreak() {
        assertThatThrownBy(() -> new NewBlockedPattern("19x", "r", true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("prefix"));
        assertThatThrownBy(() -> new FraudSettings(OutboundClass.LOCAL, List.of("0a"), List.of(), List.of(), 0, 0, 0,
                Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("international_prefixes"));
        assertThatThrownBy(() -> OutboundClass.of("galactic", "permission"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("permission"));
        assertThat(OutboundClass.NATIONAL.allows(OutboundClass.LOCAL)).isTrue();
        assertThat(OutboundClass.NATIONAL.allows(OutboundClass.INTERNATIONAL)).isFalse();
    }
}
