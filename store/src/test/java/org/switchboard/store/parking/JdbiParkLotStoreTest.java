package org.switchboard.store.parking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiParkLotStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final NewParkLot DEFAULTS = new NewParkLot("700", 701, 720, 45, "default", Optional.empty());

    @BothEngines
    void aLotIsSavedAndLoadedWithEveryValue(TestDatabase db) {
        JdbiParkLotStore store = new JdbiParkLotStore(db.database());
        NewParkLot lot = new NewParkLot("*70", 71, 79, 30, "jazz", Optional.of(new ReturnAction("voicemail", "1000")));

        ParkLot saved = store.save("default", lot, T0);

        assertThat(store.find("default")).contains(saved);
        assertThat(saved.values()).isEqualTo(lot);
        assertThat(saved.createdAt()).isEqualTo(T0);
        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find("other")).isEmpty();
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiParkLotStore store = new JdbiParkLotStore(db.database());
        store.save("default", DEFAULTS, T0);
        store.save("default", new NewParkLot("700", 701, 705, 20, "default",
                Optional.of(new ReturnAction("extension", "1000"))), T1);
        NewParkLot last = new NewParkLot("800", 801, 810, 60, "calm", Optional.empty());
        store.save("default", last, T2);

        JdbiParkLotStore after = new JdbiParkLotStore(db.restart());

        ParkLot lot = after.find("default").orElseThrow();
        assertThat(lot.values()).isEqualTo(last);
        assertThat(lot.createdAt()).isEqualTo(T0);
        assertThat(lot.updatedAt()).isEqualTo(T2);
        assertThat(after.count()).as("saving again changes the one row").isEqualTo(1);
    }

    @BothEngines
    void aReturnActionIsStoredAndCleared(TestDatabase db) {
        JdbiParkLotStore store = new JdbiParkLotStore(db.database());
        store.save("default", new NewParkLot("700", 701, 720, 45, "default",
                Optional.of(new ReturnAction("ring_group", "support"))), T0);

        assertThat(store.find("default").orElseThrow().values().returnAction())
                .contains(new ReturnAction("ring_group", "support"));
        assertThat(store.save("default", DEFAULTS, T1).values().returnAction()).isEmpty();
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewParkLot("7a0", 701, 720, 45, "default", Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "number");
        assertThatThrownBy(() -> new NewParkLot("705", 701, 720, 45, "default", Optional.empty()))
                .as("the park number inside the slots").isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "number");
        assertThatThrownBy(() -> new NewParkLot("700", 720, 701, 45, "default", Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "last_slot");
        assertThatThrownBy(() -> new NewParkLot("700", 701, 720, 2, "default", Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "timeout_seconds");
        assertThatThrownBy(() -> new NewParkLot("700", 701, 720, 45, "", Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "music_class");
        assertThatThrownBy(() -> new ReturnAction("Voice mail", "1000"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "return_action.action");
        assertThatThrownBy(() -> new ReturnAction("voicemail", " "))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "return_action.target");
    }
}
