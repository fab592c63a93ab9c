package org.switchboard.store.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.extension.JdbiExtensionStore;
import org.switchboard.store.extension.NewExtension;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

class JdbiRegistrationStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String MD5 = "0123456789abcdef0123456789abcdef";

    static void extension(Database db, String number) {
        new JdbiExtensionStore(db).create(
                new NewExtension(number, "Ext " + number, null, MD5, MD5 + MD5, "pbx.example.com", null, false, true, null), T0);
    }

    static Registration binding(String ext, String contact, long cseq, Instant updated, Instant expires) {
        return new Registration(ext, contact, Optional.of("<urn:uuid:00000000-0000-1000-8000-000b82123456>"),
                "call-" + ext, cseq, "UDP", "192.0.2.10", 40000, "127.0.0.1", 5060, "Yealink SIP-T46S 66.86.0.15",
                expires, T0, updated);
    }

    @BothEngines
    void writtenBindingLoadsWithEveryField(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        Registration saved = binding("1001", "sip:1001@192.0.2.10:5060", 2, T0, T0.plusSeconds(300));

        store.write(List.of(saved), List.of());

        assertThat(store.listLive(T0)).containsExactly(saved);
    }

    @BothEngines
    void rewritingAContactKeepsItsFirstRegistrationTime(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        store.write(List.of(binding("1001", "sip:a@h", 1, T0, T0.plusSeconds(60))), List.of());
        Registration later = new Registration("1001", "sip:a@h", Optional.empty(), "other", 7, "TCP", "192.0.2.11",
                40001, "127.0.0.1", 5060, "", T0.plusSeconds(600), T0.plusSeconds(30), T0.plusSeconds(30));

        store.write(List.of(later), List.of());

        assertThat(store.listLive(T0)).singleElement().satisfies(r -> {
            assertThat(r.registeredAt()).as("registered_at of the first REGISTER").isEqualTo(T0);
            assertThat(r.callId()).isEqualTo("other");
            assertThat(r.transport()).isEqualTo("TCP");
            assertThat(r.expiresAt()).isEqualTo(T0.plusSeconds(600));
        });
    }

    @BothEngines
    void removedBindingsAreDeletedInTheSameTransaction(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        store.write(List.of(binding("1001", "sip:a@h", 1, T0, T0.plusSeconds(60)),
                binding("1001", "sip:b@h", 1, T0, T0.plusSeconds(60))), List.of());

        store.write(List.of(binding("1001", "sip:c@h", 1, T0, T0.plusSeconds(60))),
                List.of(new RegistrationKey("1001", "sip:a@h")));

        assertThat(store.listLive(T0)).extracting(Registration::contactUri).containsExactly("sip:b@h", "sip:c@h");
    }

    @BothEngines
    void refreshThroughTheBatchWriterUpdatesExpiry(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        store.write(List.of(binding("1001", "sip:a@h", 1, T0, T0.plusSeconds(60))), List.of());

        try (var writer = new BatchWriter<>("binding_refresh", db.database(),
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), Registration::key, store.refreshSink())) {
            writer.submit(binding("1001", "sip:a@h", 2, T0.plusSeconds(30), T0.plusSeconds(90)));
            writer.submit(binding("1001", "sip:a@h", 3, T0.plusSeconds(40), T0.plusSeconds(100)));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().written() >= 1);
        }

        assertThat(store.listLive(T0)).singleElement().satisfies(r -> {
            assertThat(r.cseq()).isEqualTo(3);
            assertThat(r.expiresAt()).isEqualTo(T0.plusSeconds(100));
        });
    }

    @BothEngines
    void refreshNeverBringsBackARemovedBindingNorOverwritesANewerOne(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        store.write(List.of(binding("1001", "sip:new@h", 5, T0.plusSeconds(50), T0.plusSeconds(500))), List.of());

        db.database().execute(h -> store.refreshSink().write(h, List.of(
                binding("1001", "sip:gone@h", 2, T0.plusSeconds(30), T0.plusSeconds(90)),
                binding("1001", "sip:new@h", 4, T0.plusSeconds(40), T0.plusSeconds(100)))));

        assertThat(store.listLive(T0)).singleElement().satisfies(r -> {
            assertThat(r.contactUri()).isEqualTo("sip:new@h");
            assertThat(r.cseq()).as("the newer write-through stays").isEqualTo(5);
        });
    }

    @BothEngines
    void expiredBindingsAreNotLiveAndAreDeleted(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        store.write(List.of(binding("1001", "sip:short@h", 1, T0, T0.plusSeconds(60)),
                binding("1001", "sip:long@h", 1, T0, T0.plusSeconds(600))), List.of());
        Instant later = T0.plusSeconds(60);

        assertThat(store.listLive(later)).extracting(Registration::contactUri).containsExactly("sip:long@h");
        assertThat(store.deleteExpired(later)).isEqualTo(1);
        assertThat(store.deleteExpired(later)).isZero();
        assertThat(store.listLive(T0)).extracting(Registration::contactUri).containsExactly("sip:long@h");
    }

    @BothEngines
    void severalChangesSurviveARestart(TestDatabase db) {
        extension(db.database(), "1001");
        extension(db.database(), "1002");
        new JdbiRegistrationStore(db.database()).write(List.of(binding("1001", "sip:a@h", 1, T0, T0.plusSeconds(60)),
                binding("1002", "sip:b@h", 1, T0, T0.plusSeconds(60))), List.of());
        new JdbiRegistrationStore(db.database()).write(List.of(binding("1001", "sip:c@h", 1, T0, T0.plusSeconds(60))),
                List.of(new RegistrationKey("1002", "sip:b@h")));

        db.restart();

        assertThat(new JdbiRegistrationStore(db.database()).listLive(T0))
                .extracting(Registration::extensionNumber, Registration::contactUri)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1001", "sip:a@h"),
                        org.assertj.core.groups.Tuple.tuple("1001", "sip:c@h"));
    }

    @BothEngines
    void deletingTheExtensionDeletesItsBindings(TestDatabase db) {
        extension(db.database(), "1001");
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        store.write(List.of(binding("1001", "sip:a@h", 1, T0, T0.plusSeconds(60))), List.of());

        db.database().execute(h -> h.createUpdate("DELETE FROM extensions WHERE number = '1001'").execute());

        assertThat(store.listLive(T0)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void badShapeIsRefusedNamingTheColumn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Registration("1001", "sip:a@h", Optional.empty(),
                        "c", 1, "SCTP", "192.0.2.1", 5060, "127.0.0.1", 5060, null, T0, T0, T0))
                .isInstanceOf(ValidationException.class)
                .hasFieldOrPropertyWithValue("field", "transport");
    }
}
