package org.switchboard.store.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiSipTrunkStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-04T05:06:07.890Z");
    private static final Instant T1 = T0.plusSeconds(60);

    static NewSipTrunk carrier(String name) {
        return new NewSipTrunk(name, "sip.carrier.example", OptionalInt.of(5060), "udp", Optional.empty(),
                Optional.of("acct-1"), Optional.of("v1:sealed"), true, 3600, 30, 3, List.of("PCMU", "PCMA"), 10,
                Optional.of("+1 from extension"), List.of("192.0.2.10", "198.51.100.0/24"), true);
    }

    @BothEngines
    void aTrunkIsSavedAndLoadedWithEveryValue(TestDatabase db) {
        JdbiSipTrunkStore store = new JdbiSipTrunkStore(db.database());

        SipTrunk saved = store.create(carrier("carrier"), T0);

        assertThat(store.find("carrier")).contains(saved);
        assertThat(saved.values()).isEqualTo(carrier("carrier"));
        assertThat(saved.createdAt()).isEqualTo(T0);
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        JdbiSipTrunkStore store = new JdbiSipTrunkStore(db.database());
        store.create(carrier("carrier"), T0);
        store.create(carrier("backup"), T0);
        store.create(carrier("old"), T0);
        NewSipTrunk changed = new NewSipTrunk("carrier", "2001:db8::5", OptionalInt.empty(), "tls",
                Optional.of("proxy.example:5070"), Optional.empty(), Optional.empty(), false, 600, 0, 5,
                List.of("G722"), 0, Optional.empty(), List.of(), false);
        store.update("carrier", changed, T1);
        store.delete("old");

        JdbiSipTrunkStore after = new JdbiSipTrunkStore(db.restart());

        assertThat(after.list()).extracting(SipTrunk::name).containsExactly("backup", "carrier");
        SipTrunk carrier = after.find("carrier").orElseThrow();
        assertThat(carrier.values()).isEqualTo(changed);
        assertThat(carrier.createdAt()).isEqualTo(T0);
        assertThat(carrier.updatedAt()).isEqualTo(T1);
        assertThat(after.find("old")).isEmpty();
    }

    @BothEngines
    void aSecondTrunkWithTheSameNameIsAConflictOnName(TestDatabase db) {
        JdbiSipTrunkStore store = new JdbiSipTrunkStore(db.database());
        store.create(carrier("carrier"), T0);

        assertThatThrownBy(() -> store.create(carrier("carrier"), T1))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("field", "name");
    }

    @BothEngines
    void updatingOrDeletingAnUnknownTrunkIsNotFound(TestDatabase db) {
        JdbiSipTrunkStore store = new JdbiSipTrunkStore(db.database());

        assertThatThrownBy(() -> store.update("nobody", carrier("nobody"), T0)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store.delete("nobody")).isInstanceOf(NotFoundException.class);
    }

    @BothEngines
    void badValuesAreRefusedNamingTheField(TestDatabase db) {
        assertThatThrownBy(() -> new NewSipTrunk("a b", "h.example", OptionalInt.empty(), "udp", Optional.empty(),
                Optional.empty(), Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> new NewSipTrunk("a", "h.example", OptionalInt.empty(), "sctp", Optional.empty(),
                Optional.empty(), Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "transport");
        assertThatThrownBy(() -> new NewSipTrunk("a", "h.example", OptionalInt.empty(), "udp", Optional.empty(),
                Optional.empty(), Optional.empty(), true, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true))
                .as("registering needs a user").isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "username");
        assertThatThrownBy(() -> new NewSipTrunk("a", "h.example", OptionalInt.empty(), "udp", Optional.empty(),
                Optional.empty(), Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(),
                List.of("10.0.0.0/33"), true))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "inbound_addresses");
        assertThatThrownBy(() -> new NewSipTrunk("a", "bad host!", OptionalInt.empty(), "udp", Optional.empty(),
                Optional.empty(), Optional.empty(), false, 3600, 0, 3, List.of("PCMU"), 0, Optional.empty(), List.of(), true))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "host");
    }
}
