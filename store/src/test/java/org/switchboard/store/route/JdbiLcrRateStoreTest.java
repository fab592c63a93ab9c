package org.switchboard.store.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.trunk.JdbiSipTrunkStore;
import org.switchboard.store.trunk.NewSipTrunk;

class JdbiLcrRateStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final TimeRate EVENINGS = new TimeRate(Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 18 * 60, 1440, 4_000);
    private static final TimeRate WEEKENDS = new TimeRate(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 0, 1440, 2_000);

    private static void trunks(TestDatabase db, String... names) {
        JdbiSipTrunkStore trunks = new JdbiSipTrunkStore(db.database());
        for (String name : names) {
            trunks.create(new NewSipTrunk(name, "192.0.2.1", OptionalInt.empty(), "udp", Optional.empty(),
                    Optional.empty(), Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(),
                    List.of(), true), T0);
        }
    }

    @BothEngines
    void aRateIsSavedAndLoadedWithItsTimeRatesInOrder(TestDatabase db) {
        trunks(db, "carrier");
        JdbiLcrRateStore store = new JdbiLcrRateStore(db.database());

        LcrRate saved = store.create(new NewLcrRate("carrier", "1555", 12_500, List.of(WEEKENDS, EVENINGS)), T0);

        assertThat(store.find(saved.id())).contains(saved);
        assertThat(saved.values().timeRates()).containsExactly(WEEKENDS, EVENINGS);
        assertThat(saved.values().rateMicros()).isEqualTo(12_500);
        assertThat(saved.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        trunks(db, "carrier", "backup");
        JdbiLcrRateStore store = new JdbiLcrRateStore(db.database());
        LcrRate a = store.create(new NewLcrRate("carrier", "1", 10_000, List.of(EVENINGS)), T0);
        store.create(new NewLcrRate("backup", "", 30_000, List.of()), T0);
        LcrRate old = store.create(new NewLcrRate("backup", "44", 90_000, List.of(WEEKENDS)), T0);
        NewLcrRate changed = new NewLcrRate("carrier", "1555", 8_000, List.of(WEEKENDS));
        store.update(a.id(), changed, T1);
        store.delete(old.id());

        JdbiLcrRateStore after = new JdbiLcrRateStore(db.restart());

        assertThat(after.list()).extracting(LcrRate::values).containsExactly(
                new NewLcrRate("backup", "", 30_000, List.of()), changed);
        assertThat(after.find(a.id()).orElseThrow().updatedAt()).isEqualTo(T1);
        assertThat(after.find(old.id())).isEmpty();
    }

    @BothEngines
    void aSecondRateForTheSamePrefixAndUnknownTrunksAreConflicts(TestDatabase db) {
        trunks(db, "carrier");
        JdbiLcrRateStore store = new JdbiLcrRateStore(db.database());
        store.create(new NewLcrRate("carrier", "1", 10_000, List.of()), T0);

        assertThatThrownBy(() -> store.create(new NewLcrRate("carrier", "1", 9_000, List.of()), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "prefix");
        assertThatThrownBy(() -> store.create(new NewLcrRate("nowhere", "1", 9_000, List.of()), T1))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> store.update(999, new NewLcrRate("carrier", "2", 1, List.of()), T1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete(999)).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void ratesGoWithTheirTrunk(TestDatabase db) {
        trunks(db, "carrier");
        JdbiLcrRateStore store = new JdbiLcrRateStore(db.database());
        store.create(new NewLcrRate("carrier", "1", 10_000, List.of(EVENINGS)), T0);

        new JdbiSipTrunkStore(db.database()).delete("carrier");

        assertThat(store.list()).isEmpty();
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewLcrRate("carrier", "1a", 1, List.of()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "prefix");
        assertThatThrownBy(() -> new NewLcrRate("carrier", "1", -1, List.of()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "rate");
        assertThatThrownBy(() -> new TimeRate(Set.of(), 0, 60, 1))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "time_rates.days");
        assertThatThrownBy(() -> new TimeRate(Set.of(DayOfWeek.MONDAY), 600, 600, 1))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "time_rates.until");
    }
}
