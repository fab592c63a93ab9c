package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
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

/** Group-committed write-through on both engines: a burst of new bindings all land, in order. */
class BindingPersistenceTest {
    private static final Instant T0 = Instant.now();
    private static final Flow FLOW = new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060),
            new InetSocketAddress("192.0.2.7", 5062));

    private static Binding binding(String extension, String contact) {
        return new Binding(extension, SipUri.parse(contact), contact, Optional.empty(), FLOW, "c-" + extension, 1, "ua",
                T0.plusSeconds(3600), T0, T0);
    }

    @BothEngines
    void aBurstOfWriteThroughsIsCommittedCompletelyAndInArrivalOrder(TestDatabase db) {
        RegistrarFixtures.extensions(db, 200);
        JdbiRegistrationStore store = new JdbiRegistrationStore(db.database());
        try (BindingPersistence persistence = new BindingPersistence(db.database(), store, new BatchWriter<>(
                "binding_refresh", db.database(), BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT),
                Registration::key, store.refreshSink()))) {
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
