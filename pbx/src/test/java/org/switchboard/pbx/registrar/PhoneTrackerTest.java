package org.switchboard.pbx.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.PhoneSighting;
import org.switchboard.store.provisioning.RegisteredPhone;
import org.switchboard.store.testkit.BothEngines;
import org.switchboard.store.testkit.TestDatabase;

/** Which refreshes reach registered_phones, on both engines; each step flushes by closing the writer. */
class PhoneTrackerTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String YEALINK = "Yealink SIP-T46S 66.86.0.15 00:15:65:12:34:56";

    private static Flow from(String ip) {
        return new Flow(Transport.UDP, new InetSocketAddress("127.0.0.1", 5060), new InetSocketAddress(ip, 5062));
    }

    private static Binding binding(String contact, Flow flow, Instant now) {
        return new Binding("1001", SipUri.parse(contact), contact, Optional.empty(), flow, "c1", 1, YEALINK,
                now.plusSeconds(3600), T0, now);
    }

    /** Extension 1001 and a tracker on a real writer; closing flushes the writer, so the rows can be read after. */
    private static final class Run implements AutoCloseable {
        private final BatchWriter<PhoneSighting> writer;
        private final PhoneTracker tracker;

        Run(TestDatabase db) {
            RegistrarFixtures.extensions(db, 0);
            JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(db.database());
            writer = new BatchWriter<>("registered_phones", db.database(),
                    BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), PhoneSighting::rowKey, store.batchSink());
            tracker = new PhoneTracker(writer);
        }

        void register(String userAgent, String ip, String contact, Instant now) {
            SipRequest request = BindingRulesTest.register("c1", 1, "3600", "<" + contact + ">")
                    .withHeader(HeaderName.USER_AGENT, userAgent);
            tracker.registered("1001", "1001", request, from(ip), binding(contact, from(ip), now), now);
        }

        @Override
        public void close() {
            writer.close();
        }
    }

    private static RegisteredPhone onlyRow(TestDatabase db) {
        List<RegisteredPhone> rows = new JdbiRegisteredPhoneStore(db.database()).findByExtension("1001");
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    @BothEngines
    void anUnchangedRefreshWritesNoSighting(TestDatabase db) {
        try (Run run = new Run(db)) {
            run.register(YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5062", T0);
            run.register(YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5062", T0.plusSeconds(60));
        }
        assertThat(onlyRow(db).lastRegisteredAt()).as("the refresh a minute later changed nothing").isEqualTo(T0);
    }

    @BothEngines
    void anUnchangedRefreshIsWrittenOnceTheIntervalHasPassed(TestDatabase db) {
        Instant later = T0.plus(PhoneTracker.UNCHANGED_WRITE_INTERVAL);
        try (Run run = new Run(db)) {
            run.register(YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5062", T0);
            run.register(YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5062", later);
        }
        assertThat(onlyRow(db).lastRegisteredAt()).isEqualTo(later);
    }

    @BothEngines
    void aChangedAddressIsWrittenAtOnce(TestDatabase db) {
        try (Run run = new Run(db)) {
            run.register(YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5062", T0);
            run.register(YEALINK, "192.0.2.11", "sip:1001@192.0.2.11:5062", T0.plusSeconds(30));
        }
        assertThat(onlyRow(db)).satisfies(p -> {
            assertThat(p.ipAddress()).isEqualTo("192.0.2.11");
            assertThat(p.lastRegisteredAt()).isEqualTo(T0.plusSeconds(30));
        });
    }

    @BothEngines
    void aChangedUserAgentIsWrittenAtOnce(TestDatabase db) {
        String upgraded = "Yealink SIP-T46S 66.86.0.20 00:15:65:12:34:56";
        try (Run run = new Run(db)) {
            run.register(YEALINK, "192.0.2.10", "sip:1001@192.0.2.10:5062", T0);
            run.register(upgraded, "192.0.2.10", "sip:1001@192.0.2.10:5062", T0.plusSeconds(30));
        }
        assertThat(onlyRow(db)).satisfies(p -> {
            assertThat(p.userAgent()).isEqualTo(upgraded);
            assertThat(p.lastRegisteredAt()).isEqualTo(T0.plusSeconds(30));
        });
    }
}
