package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.MailboxCounts;
import org.switchboard.pbx.voicemail.MailboxListener;
import org.switchboard.server.wiring.MessageWaitingModule;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.event.Notifier;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Message waiting on the wire (issue 14): SIPp phones subscribe to their box with digest
 * authentication and receive the NOTIFYs that follow box changes; a phone whose User-Agent is
 * configured for it receives NOTIFYs without subscribing, when it registers and on changes. The box changes are told to the node's
 * message-waiting listener, the entry point the voicemail service calls.
 */
class MessageWaitingIT {
    private static final String PASSWORD = "mwi-secret-1234";

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Server server;
    private static MailboxListener listener;
    private static Notifier notifier;

    @BeforeAll
    static void startNode() throws Exception {
        database = TestDatabases.sqlite();
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 29480, port_max: 29499}
                admin: {username: root, password: root-password}
                voicemail: {mwi: {unsolicited: "OldDesk, Grandstream HT"}}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Carol, password: %1$s}
                """.formatted(PASSWORD)), Clock.systemUTC(), "test");
        MessageWaitingModule module = server.module(MessageWaitingModule.class).orElseThrow();
        listener = module.listener();
        notifier = module.notifier();
    }

    @AfterAll
    static void stopNode() {
        if (server != null) {
            server.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void subscribedPhoneIsToldOfEveryChangeOfItsBoxUntilItUnsubscribes() throws Exception {
        long before = notifier.notifiesSent();
        Sipp.Running phone = Sipp.scenario("subscribe_mwi.xml").target(server.sipPort()).credentials("1001", PASSWORD)
                .option("-auth_uri", "1001@127.0.0.1:" + server.sipPort()).runLimitSeconds(30).start();

        await().atMost(Duration.ofSeconds(15)).until(() -> notifier.notifiesSent() >= before + 1);
        listener.changed(new MailboxCounts("1002", 5, 0)); // another box: no NOTIFY for 1001
        listener.changed(new MailboxCounts("1001", 2, 1));
        await().atMost(Duration.ofSeconds(15)).until(() -> notifier.notifiesSent() >= before + 2);
        listener.changed(new MailboxCounts("1001", 0, 3));

        phone.awaitResult().assertAllCallsSucceeded(
                "SUBSCRIBE 1001 with digest, NOTIFY no / yes 2/1 / no 0/3, unsubscribe and terminating NOTIFY");
        await().atMost(Duration.ofSeconds(5)).until(() -> notifier.size() == 0);
    }

    @Test
    void anotherExtensionsBoxIsForbidden() throws Exception {
        Sipp.scenario("subscribe_other_box.xml").target(server.sipPort())
                .option("-s", "1003", "-au", "1002", "-ap", PASSWORD, "-auth_uri", "1003@127.0.0.1:" + server.sipPort())
                .runLimitSeconds(15)
                .run().assertAllCallsSucceeded("1002 subscribing to 1003's box gets 403 after authenticating");
    }

    @Test
    void anEventPackageOtherThanMessageSummaryIsABadEvent() throws Exception {
        Sipp.scenario("subscribe_bad_event.xml").target(server.sipPort()).option("-s", "1002").runLimitSeconds(15)
                .run().assertAllCallsSucceeded("SUBSCRIBE Event: presence answered 489 with Allow-Events");
    }

    @Test
    void registeredPhoneOfAConfiguredVendorIsToldAtRegistrationAndOnChangesWithoutSubscribing() throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials("1003", PASSWORD)
                .key("expires", "300").key("ua", "OldDesk 2.1").key("mac", "-").runLimitSeconds(15)
                .run().assertAllCallsSucceeded("REGISTER 1003 as OldDesk");
        // The NOTIFY sent at registration finds no listener until the phone below binds the port;
        // its UDP retransmissions (RFC 3261 Timer E) reach it then.
        Path trace = dir.resolve("unsolicited-messages.log");
        Sipp.Running phone = Sipp.scenario("uas_mwi_notify.xml").localPort(port).calls(2)
                .option("-trace_msg", "-message_file", trace.toString()).runLimitSeconds(40).start();
        awaitListening(port);

        listener.changed(new MailboxCounts("1003", 1, 0));

        phone.awaitResult().assertAllCallsSucceeded("two NOTIFYs message-summary outside any dialog, answered 200");
        String messages = Files.readString(trace, StandardCharsets.ISO_8859_1);
        assertThat(messages).as("the NOTIFY at registration: nothing waits yet")
                .contains("Messages-Waiting: no", "Message-Account: sip:1003@pbx.test");
        assertThat(messages).as("the NOTIFY of the change").contains("Messages-Waiting: yes", "Voice-Message: 1/0 (0/0)");
    }

    /** SIPp binds its port a moment after starting; a NOTIFY sent before would be lost. */
    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
