package org.switchboard.store.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiInboundRouteStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);

    @BothEngines
    void aRouteIsSavedAndLoaded(TestDatabase db) {
        JdbiInboundRouteStore store = new JdbiInboundRouteStore(db.database());

        InboundRoute saved = store.create(new NewInboundRoute("15550001000", "extension", "1002"), T0);

        assertThat(store.list()).containsExactly(saved);
        assertThat(saved.values()).isEqualTo(new NewInboundRoute("15550001000", "extension", "1002"));
        assertThat(saved.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiInboundRouteStore store = new JdbiInboundRouteStore(db.database());
        store.create(new NewInboundRoute("15550001000", "extension", "1002"), T0);
        store.create(new NewInboundRoute("*", "voicemail", "1000"), T0);
        store.create(new NewInboundRoute("15550001001", "extension", "1003"), T0);
        store.update("15550001000", new NewInboundRoute("15550001000", "ring_group", "sales"), T1);
        store.delete("15550001001");

        JdbiInboundRouteStore after = new JdbiInboundRouteStore(db.restart());

        assertThat(after.list()).extracting(InboundRoute::values).containsExactly(
                new NewInboundRoute("*", "voicemail", "1000"), new NewInboundRoute("15550001000", "ring_group", "sales"));
        assertThat(after.list().get(1).updatedAt()).isEqualTo(T1);
    }

    @BothEngines
    void aSecondRouteForADidIsAConflictAndUnknownDidsAreNotFound(TestDatabase db) {
        JdbiInboundRouteStore store = new JdbiInboundRouteStore(db.database());
        store.create(new NewInboundRoute("15550001000", "extension", "1002"), T0);

        assertThatThrownBy(() -> store.create(new NewInboundRoute("15550001000", "extension", "1003"), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "did");
        assertThatThrownBy(() -> store.update("1", new NewInboundRoute("1", "extension", "1"), T1))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("1")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewInboundRoute("555-1000", "extension", "1002"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "did");
        assertThatThrownBy(() -> new NewInboundRoute("1555", null, "1002"))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "action");
        assertThatThrownBy(() -> new NewInboundRoute("1555", "extension", " "))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "target");
    }
}
