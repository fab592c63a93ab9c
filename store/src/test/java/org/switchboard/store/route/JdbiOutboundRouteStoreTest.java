package org.switchboard.store.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiOutboundRouteStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);

    static NewOutboundRoute external(String name) {
        return new NewOutboundRoute(name, "$1", List.of("carrier", "backup"), false, Optional.of("+15550001000"));
    }

    @BothEngines
    void aRouteIsSavedAndLoadedWithEveryValue(TestDatabase db) {
        JdbiOutboundRouteStore store = new JdbiOutboundRouteStore(db.database());

        OutboundRoute saved = store.create(external("external"), T0);

        assertThat(store.find("external")).contains(saved);
        assertThat(saved.values()).isEqualTo(external("external"));
        assertThat(saved.values().trunks()).containsExactly("carrier", "backup");
        assertThat(saved.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiOutboundRouteStore store = new JdbiOutboundRouteStore(db.database());
        store.create(external("external"), T0);
        store.create(external("local"), T0);
        store.create(external("old"), T0);
        NewOutboundRoute changed = new NewOutboundRoute("external", "1$1", List.of("backup", "carrier"), true,
                Optional.empty());
        store.update("external", changed, T1);
        store.delete("old");

        JdbiOutboundRouteStore after = new JdbiOutboundRouteStore(db.restart());

        assertThat(after.list()).extracting(OutboundRoute::name).containsExactly("external", "local");
        OutboundRoute route = after.find("external").orElseThrow();
        assertThat(route.values()).isEqualTo(changed);
        assertThat(route.createdAt()).isEqualTo(T0);
        assertThat(route.updatedAt()).isEqualTo(T1);
        assertThat(after.find("old")).isEmpty();
    }

    @BothEngines
    void aTakenNameIsAConflictAndUnknownRoutesAreNotFound(TestDatabase db) {
        JdbiOutboundRouteStore store = new JdbiOutboundRouteStore(db.database());
        store.create(external("external"), T0);

        assertThatThrownBy(() -> store.create(external("external"), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> store.update("nowhere", external("nowhere"), T1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nowhere")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewOutboundRoute("a b", "$1", List.of("c"), false, Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewOutboundRoute("a", "9$x", List.of("c"), false, Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "dial");
        assertThatThrownBy(() -> new NewOutboundRoute("a", "$1", List.of(), false, Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "trunks");
        assertThatThrownBy(() -> new NewOutboundRoute("a", "$1", List.of("c", "c"), false, Optional.empty()))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "trunks");
        assertThatThrownBy(() -> new NewOutboundRoute("a", "$1", List.of("c"), false, Optional.of("12ab")))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "caller_id");
    }
}
