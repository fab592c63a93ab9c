package org.switchboard.pbx.registrar;

import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.provisioning.JdbiRegisteredPhoneStore;
import org.switchboard.store.provisioning.RegisteredPhone;
import org.switchboard.store.registrar.JdbiRegistrationStore;
import org.switchboard.store.registrar.Registration;
import org.switchboard.store.testkit.TestDatabases;

/**
 * REGISTER over UDP from SIPp against the stack and registrar on a real SQLite file. Each test uses
 * its own extension, so they share one server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegisterWithDigestIT {
    private static final String PASSWORD = "correct horse 42";
    private static final Map<String, String> PLAIN = Map.of("expires", "300", "ua", "SIPp", "mac", "-");

    private RegistrarHarness server;

    @BeforeAll
    void start() {
        server = new RegistrarHarness(TestDatabases.sqlite(), RegistrarSettings.defaults(RegistrarHarness.REALM));
        for (String number : List.of("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010")) {
            server.addExtension(number, PASSWORD, true);
        }
        server.addExtension("1099", PASSWORD, false);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void registerWithDigestIsAcceptedAndWrittenThroughBeforeThe200() throws Exception {
        int phonePort = FreePorts.udpAndTcp();

        sipp("register.xml", server.port(), phonePort, "1001", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("REGISTER 1001 with the right password");

        assertThat(server.registrar.location().lookup("1001")).singleElement().satisfies(b -> {
            assertThat(b.contactKey()).isEqualTo("sip:1001@127.0.0.1:" + phonePort + ";transport=UDP");
            assertThat(b.flow().transport()).isEqualTo(Transport.UDP);
            assertThat(b.flow().remote().getPort()).as("the source port the REGISTER came from").isEqualTo(phonePort);
            assertThat(b.remainingSeconds(Instant.now())).isBetween(290L, 300L);
        });
        assertThat(rows("1001")).as("registrations row, committed before the 200 OK").singleElement()
                .satisfies(r -> assertThat(r.sourcePort()).isEqualTo(phonePort));
        assertThat(server.meters.counter("switchboard.registrations", "result", "ok").count()).isPositive();
    }

    @Test
    void unknownExtensionAndWrongPasswordAreBothForbiddenAndCounted() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        long before = server.registrar.failures().of(loopback).map(f -> f.count()).orElse(0L);

        sipp("register_forbidden.xml", server.port(), FreePorts.udpAndTcp(), "7777", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("REGISTER of an unknown extension gets 403");
        sipp("register_forbidden.xml", server.port(), FreePorts.udpAndTcp(), "1002", "wrong password", PLAIN)
                .assertAllCallsSucceeded("REGISTER with a wrong password gets 403");

        assertThat(server.registrar.location().lookup("1002")).isEmpty();
        assertThat(server.registrar.failures().of(loopback)).get()
                .satisfies(f -> assertThat(f.count()).isEqualTo(before + 2));
    }

    @Test
    void disabledExtensionIsForbidden() throws Exception {
        sipp("register_forbidden.xml", server.port(), FreePorts.udpAndTcp(), "1099", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("REGISTER of a disabled extension gets 403");

        assertThat(server.registrar.location().lookup("1099")).isEmpty();
    }

    @Test
    void tooShortExpiryGets423WithMinExpires() throws Exception {
        sipp("register_too_brief.xml", server.port(), FreePorts.udpAndTcp(), "1003", PASSWORD,
                Map.of("expires", "10", "ua", "SIPp", "mac", "-"))
                .assertAllCallsSucceeded("REGISTER with Expires: 10 gets 423 and Min-Expires: 60");

        assertThat(server.registrar.location().lookup("1003")).isEmpty();
    }

    @Test
    void wildcardContactRemovesEveryBinding() throws Exception {
        sipp("register.xml", server.port(), FreePorts.udpAndTcp(), "1004", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("first phone of 1004");
        sipp("register.xml", server.port(), FreePorts.udpAndTcp(), "1004", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("second phone of 1004");
        assertThat(server.registrar.location().lookup("1004")).hasSize(2);

        sipp("unregister_all.xml", server.port(), FreePorts.udpAndTcp(), "1004", PASSWORD, Map.of())
                .assertAllCallsSucceeded("Contact: * with Expires: 0");

        assertThat(server.registrar.location().lookup("1004")).isEmpty();
        assertThat(rows("1004")).isEmpty();
    }

    @Test
    void expiresZeroRemovesTheContact() throws Exception {
        int phonePort = FreePorts.udpAndTcp();
        sipp("register.xml", server.port(), phonePort, "1005", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("register 1005");

        sipp("unregister.xml", server.port(), phonePort, "1005", PASSWORD, Map.of("expires", "0", "ua", "SIPp", "mac", "-"))
                .assertAllCallsSucceeded("unregister 1005 with Expires: 0");

        assertThat(server.registrar.location().lookup("1005")).isEmpty();
        assertThat(rows("1005")).isEmpty();
    }

    @Test
    void realPhonesUserAgentsAreRecordedWithTheirMac() throws Exception {
        Map<String, String[]> phones = Map.of(
                "1006", new String[] {"Yealink SIP-T46S 66.86.0.15 00:15:65:12:34:56", "-", "001565123456"},
                "1007", new String[] {"Fanvil X4U 2.12.1.5 0c383e123456", "-", "0c383e123456"},
                "1008", new String[] {"Grandstream GXP2170 1.0.11.3", "00:0B:82:AB:CD:EF", "000b82abcdef"},
                "1009", new String[] {"snomD785/10.1.39.11", "-", null});
        for (Map.Entry<String, String[]> phone : phones.entrySet()) {
            sipp("register.xml", server.port(), FreePorts.udpAndTcp(), phone.getKey(), PASSWORD,
                    Map.of("expires", "300", "ua", phone.getValue()[0], "mac", phone.getValue()[1]))
                    .assertAllCallsSucceeded("REGISTER from " + phone.getValue()[0]);
        }

        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(server.db.database());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> phones.forEach((ext, phone) ->
                assertThat(store.findByExtension(ext)).as("registered_phones of %s", phone[0]).singleElement()
                        .satisfies(p -> {
                            assertThat(p.macAddress()).isEqualTo(phone[2]);
                            assertThat(p.userAgent()).isEqualTo(phone[0]);
                            assertThat(p.ipAddress()).isEqualTo("127.0.0.1");
                        })));
    }

    @Test
    void reRegistrationUpdatesLastRegisteredAndKeepsFirstRegistered() throws Exception {
        Map<String, String> yealink = Map.of("expires", "300", "ua", "Yealink SIP-T46S 66.86.0.15 00:15:65:00:10:10",
                "mac", "-");
        JdbiRegisteredPhoneStore store = new JdbiRegisteredPhoneStore(server.db.database());
        sipp("register.xml", server.port(), FreePorts.udpAndTcp(), "1010", PASSWORD, yealink)
                .assertAllCallsSucceeded("first REGISTER of the Yealink");
        RegisteredPhone first = await().atMost(Duration.ofSeconds(10))
                .until(() -> store.findByExtension("1010"), l -> l.size() == 1).getFirst();

        sipp("register.xml", server.port(), FreePorts.udpAndTcp(), "1010", PASSWORD, yealink)
                .assertAllCallsSucceeded("second REGISTER of the Yealink");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(store.findByExtension("1010"))
                .singleElement().satisfies(p -> {
                    assertThat(p.id()).isEqualTo(first.id());
                    assertThat(p.firstRegisteredAt()).isEqualTo(first.firstRegisteredAt());
                    assertThat(p.lastRegisteredAt()).isAfter(first.lastRegisteredAt());
                }));
    }

    @Test
    void aRestartedRegistrarKeepsTheLiveBinding() throws Exception {
        int phonePort = FreePorts.udpAndTcp();
        sipp("register.xml", server.port(), phonePort, "1002", PASSWORD, PLAIN)
                .assertAllCallsSucceeded("REGISTER 1002");

        server.restart();

        assertThat(server.registrar.location().lookup("1002")).singleElement()
                .satisfies(b -> assertThat(b.flow().remote().getPort()).isEqualTo(phonePort));
    }

    private List<Registration> rows(String extension) {
        return new JdbiRegistrationStore(server.db.database()).listLive(Instant.now()).stream()
                .filter(r -> r.extensionNumber().equals(extension)).toList();
    }

    /** Runs {@code scenario} once as {@code user} from {@code localPort}; {@code keys} fill its [keyword]s. */
    private static Sipp.Result sipp(String scenario, int targetPort, int localPort, String user, String password,
            Map<String, String> keys) throws Exception {
        Sipp run = Sipp.scenario(scenario).target(targetPort).localPort(localPort).runLimitSeconds(30)
                .credentials(user, password);
        keys.forEach(run::key);
        return run.run();
    }
}
