package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailService;
import org.switchboard.server.wiring.MessageWaitingModule;
import org.switchboard.server.wiring.Server;
import org.switchboard.server.wiring.VoicemailModule;
import org.switchboard.sip.event.Notifier;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Message waiting on the wire (issue 14): SIPp phones subscribe to their box with digest
 * authentication and receive the NOTIFYs that follow box changes; a phone whose User-Agent is
 * configured for it receives NOTIFYs without subscribing, when it registers and on changes. The box
 * changes are real: messages left and moved through the node's voicemail service.
 */
class MessageWaitingIT {
    private static final String PASSWORD = "mwi-secret-1234";
    /** 8 kHz mono 16-bit PCM, 100 ms of silence. */
    private static final byte[] SILENT_WAV = silentWav();

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static VoicemailService voicemail;
    private static Notifier notifier;

    @BeforeAll
    static void startNode() throws Exception {
        // One port for UDP and TCP (port 0 would give each its own), so a phone may use either.
        node = TestNode.startWithYaml(dir, """
                sip: {bind: 127.0.0.1, port: %2$d, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 29480, port_max: 29499}
                admin: {username: root, password: root-password}
                voicemail: {mwi: {unsolicited: "OldDesk, Grandstream HT"}}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Carol, password: %1$s}
                  - {number: "1004", name: Dave, password: %1$s}
                """.formatted(PASSWORD, FreePorts.udpAndTcp()));
        server = node.server();
        voicemail = server.module(VoicemailModule.class).orElseThrow().voicemail();
        notifier = server.module(MessageWaitingModule.class).orElseThrow().notifier();
    }

    @Test
    void subscribedPhoneIsToldOfEveryChangeOfItsBoxUntilItUnsubscribes() throws Exception {
        subscribeAndFollowChanges("1001", "u1");
        assertThat(new ApiClient(server.httpPort()).get("/metrics").body())
                .containsPattern("switchboard_mwi_subscriptions \\d").contains("switchboard_mwi_notifies_total");
    }

    @Test
    void aPhoneSubscribedOverTcpIsNotifiedOverItsConnection() throws Exception {
        subscribeAndFollowChanges("1004", "t1");
    }

    /**
     * A SIPp phone subscribes to {@code box} over {@code transport} (SIPp's -t) and must see, in order:
     * no 0/0, yes 1/0 after a message is left (one left in another box meanwhile changes nothing),
     * no 0/1 after the message is moved to the old ones; then it unsubscribes. Each change is made
     * after the previous NOTIFY went out, since a NOTIFY carries the state when it is sent.
     */
    private static void subscribeAndFollowChanges(String box, String transport) throws Exception {
        long before = notifier.notifiesSent();
        Sipp.Running phone = Sipp.scenario("subscribe_mwi.xml").target(server.sipPort()).transport(transport)
                .credentials(box, PASSWORD).option("-auth_uri", box + "@127.0.0.1:" + server.sipPort())
                .runLimitSeconds(30).start();

        await().atMost(Duration.ofSeconds(15)).until(() -> notifier.notifiesSent() >= before + 1);
        leaveMessage("1002"); // another box, nobody watching it
        VoicemailMessage left = leaveMessage(box);
        await().atMost(Duration.ofSeconds(15)).until(() -> notifier.notifiesSent() >= before + 2);
        assertThat(voicemail.move(box, left.id(), Folder.OLD)).isTrue();

        phone.awaitResult().assertAllCallsSucceeded("SUBSCRIBE " + box + " (" + transport + ") with digest, NOTIFY no"
                + " 0/0, yes 1/0 after a message was left, no 0/1 after it was heard; unsubscribe and terminating NOTIFY");
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

        leaveMessage("1003");

        phone.awaitResult().assertAllCallsSucceeded("two NOTIFYs message-summary outside any dialog, answered 200");
        String messages = Files.readString(trace, StandardCharsets.ISO_8859_1);
        assertThat(messages).as("the NOTIFY at registration: nothing waits yet")
                .contains("Messages-Waiting: no", "Message-Account: sip:1003@pbx.test");
        assertThat(messages).as("the NOTIFY of the change").contains("Messages-Waiting: yes", "Voice-Message: 1/0 (0/0)");
    }

    /** A message left in {@code box} through the voicemail service, as a caller leaves one. */
    private static VoicemailMessage leaveMessage(String box) throws IOException {
        Path audio = voicemail.newRecording(box);
        Files.write(audio, SILENT_WAV);
        return voicemail.deposit(box, audio, "+4930999", "Test Caller", Instant.now(), Duration.ofSeconds(1));
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

    private static byte[] silentWav() {
        int data = 1600;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data).put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000).putShort((short) 2)
                .putShort((short) 16).put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
        return b.array();
    }
}
