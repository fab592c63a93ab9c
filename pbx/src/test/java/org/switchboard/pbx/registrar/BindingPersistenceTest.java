package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/**
 * Group-committed write-through on both engines: a burst of new bindings all land, in order; and
 * which refreshes are written behind.
 */
class BindingPersistenceTest {
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("192.0.2.7", 5062));

    private static Binding binding(String extension, String contact) {
        return new Binding(extension, SipUri.parse(contact), contact, Optional.empty(), FLOW, "c-" + extension, 1, "ua",
                T0.plusSeconds(3600), T0, T0);
    }

    /** {@code b} refreshed {@code secondsLater} with the same 3600 s interval, from {@code flow}. */
    private static Binding refreshed(Binding b, long secondsLater, Flow flow) {
        Instant at = T0.plusSeconds(secondsLater);
        return new Binding(b.extension(), b.contact(), b.contactKey(), b.instanceId(), flow, b.callId(),
                b.cseq() + secondsLater, b.userAgent(), at.plusSeconds(3600), b.registeredAt(), at);
    }

    private static BindingPersistence persistence(TestDatabase db, JdbiRegistrationStore store) {
        return new BindingPersistence(db.database(), store, new BatchWriter<>("binding_refresh", db.database(),
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), Registration::key, store.refreshSink()));
    }

    private static Instant storedExpiry(JdbiRegistrationStore store) {
        return store.listLive(T0).getFirst().expiresAt();
    }

    @BothEngines
    void aRefreshThatOnlyNudgesTheExpiryIsNotWrittenUntilTheTableTrailsByAMinute(TestDatabase db) {
        RegistrarFixtures.extensions(db, 1);
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        Binding first = binding("2000", "sip:2000@192.0.2.7:5062");
        try (BindingPersistence persistence = persistence(db, store)) {
            persistence.writeThrough(List.of(first), List.of()).join();
            persistence.writeBehind(List.of(refreshed(first, 59, FLOW)));
        }
        assertThat(storedExpiry(store)).as("a refresh 59 s later is within the allowed lag: not written")
                .isEqualTo(first.expiresAt());
        try (BindingPersistence persistence = persistence(db, store)) {
            persistence.writeThrough(List.of(first), List.of()).join();
            persistence.writeBehind(List.of(refreshed(first, 59, FLOW)));
            persistence.writeBehind(List.of(refreshed(first, 60, FLOW)));
        }
        assertThat(storedExpiry(store)).as("a refresh 60 s after the written row is written")
                .isEqualTo(T0.plusSeconds(3660));
    }

    @BothEngines
    void aRefreshFromAnotherAddressOrWithAnEarlierExpiryIsWrittenAtOnce(TestDatabase db) {
        RegistrarFixtures.extensions(db, 1);
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        Binding first = binding("2000", "sip:2000@192.0.2.7:5062");
        Flow moved = new Flow(Transport.UDP, FLOW.local(), new InetSocketAddress("192.0.2.8", 5062));
        try (BindingPersistence persistence = persistence(db, store)) {
            persistence.writeThrough(List.of(first), List.of()).join();
            persistence.writeBehind(List.of(refreshed(first, 1, moved)));
        }
        assertThat(store.listLive(T0).getFirst().sourceAddress()).as("a phone behind a new address is written at once")
                .isEqualTo("192.0.2.8");
        Binding shorter = new Binding(first.extension(), first.contact(), first.contactKey(), first.instanceId(), moved,
                first.callId(), 5, first.userAgent(), T0.plusSeconds(1800), first.registeredAt(), T0.plusSeconds(2));
        try (BindingPersistence persistence = persistence(db, store)) {
            persistence.writeThrough(List.of(refreshed(first, 1, moved)), List.of()).join();
            persistence.writeBehind(List.of(shorter));
        }
        assertThat(storedExpiry(store)).as("an expiry moved back must not be left later in the table")
                .isEqualTo(T0.plusSeconds(1800));
    }

    @BothEngines
    void aBurstOfWriteThroughsIsCommittedCompletelyAndInArrivalOrder(TestDatabase db) {
        RegistrarFixtures.extensions(db, 200);
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        try (BindingPersistence persistence = persistence(db, store)) {
            List<CompletableFuture<Void>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String extension = Integer.toString(2000 + i);
                writes.add(persistence.writeThrough(List.of(binding(extension, "sip:" + extension + "@192.0.2.7:5062")),
                        List.of()));
            }
            // Added then removed while both may wait in one group: the removal, being later, wins.
            Binding gone = binding("2000", "sip:gone@192.0.2.7:5062");
            writes.add(persistence.writeThrough(List.of(gone), List.of()));
            writes.add(persistence.writeThrough(List.of(), List.of(gone)));

            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }
        List<Registration> rows = store.listLive(T0);
        assertThat(rows).hasSize(200);
        assertThat(rows).extracting(Registration::contactUri).doesNotContain("sip:gone@192.0.2.7:5062");
    }
}
