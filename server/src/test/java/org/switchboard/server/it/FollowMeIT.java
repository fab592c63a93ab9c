package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Issue 16, find-me/follow-me with real SIPp phones on a whole node (docs/follow-me.md). 1002 has its
 * desk phone ring alone for 5 s, then 1003: 1001 calls 1002, whose registered phone rings and is
 * cancelled, then 1003 rings and answers, and the two hear each other's tone through the PBX's relay.
 * 1004 rings its desk phone, then 1005, in order, and nobody answers: the caller reaches 1004's last
 * resort, its voicemail box, which keeps the message. The panel's extension editor shows the API's
 * complaint next to a listed number and saves the list as typed. One node for the class (SQLite).
 */
class FollowMeIT {
    private static final String PASSWORD = "follow-me-it-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final double CALLER_HZ = 1000;
    private static final double CALLEE_HZ = 1600;

    @TempDir
    static Path dir;

    private static TestNode node;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 30840, port_max: 30879}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Bob mobile, password: %1$s}
                  - {number: "1004", name: Carol, password: %1$s}
                  - {number: "1005", name: Carol mobile, password: %1$s}
                """.formatted(PASSWORD));
        server = node.server();
        api = node.api();
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theDeskPhoneRingsFirstThenTheListedExtensionAnswersAndBothHearEachOther() throws Exception {
        followMe("1002", "{\"enabled\":true,\"desk_first\":true,\"desk_seconds\":5,\"destinations\":[{\"number\":\"1003\",\"ring_seconds\":10}]}");
        int mobilePort = FreePorts.udpAndTcp();
        try (TalkingPhoneMedia alice = TalkingPhoneMedia.talking(CALLER_HZ);
             AnsweringMedia mobile = new AnsweringMedia()) {
            Sipp.Running desk = registered("1002", FreePorts.udpAndTcp(), "uas_ring.xml", FreePorts.udpAndTcp());
            Sipp.Running answers = registered("1003", mobilePort, "uas_answer_until_bye.xml", mobile.port());
            long started = System.nanoTime();
            Sipp.Running caller = Sipp.scenario("uac_answered_until_bye.xml").target(server.sipPort())
                    .option("-s", "1002", "-au", "1001", "-ap", PASSWORD, "-auth_uri", "1002@127.0.0.1:" + server.sipPort())
                    .key("caller", "1001").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(alice.port())).runLimitSeconds(40).start();

            desk.awaitResult().assertAllCallsSucceeded("1002's desk phone rings for its 5 s and gets the CANCEL");
            JsonNode call = await("1001 bridged to 1003").atMost(WAIT).until(() -> bridgedCall("1001", "1003"), c -> c != null);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the desk phone's ring time first")
                    .isGreaterThan(Duration.ofSeconds(5));
            assertThat(call.get("callee").asText()).as("the extension who answered: %s", call).isEqualTo("1003");

            mobile.talkTo(relayPortOf(call, "callee"));
            await("each hears the other's tone through the PBX").atMost(WAIT).until(() ->
                    blocksWithTone(alice.heard(), CALLEE_HZ) >= 10 && blocksWithTone(mobile.heard(), CALLER_HZ) >= 10);

            api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
            answers.awaitResult().assertAllCallsSucceeded("1003 answers and is hung up");
            caller.awaitResult().assertAllCallsSucceeded("1001 talks with 1003 and is hung up");
        }
    }

    @Test
    void nobodyOnTheListAnswersAndTheCallReachesTheExtensionsVoicemail() throws Exception {
        followMe("1004", "{\"enabled\":true,\"desk_seconds\":5,\"strategy\":\"in_order\","
                + "\"destinations\":[{\"number\":\"1005\",\"ring_seconds\":5}]}");
        Sipp.Running desk = registered("1004", FreePorts.udpAndTcp(), "uas_ring.xml", FreePorts.udpAndTcp());
        Sipp.Running mobile = registered("1005", FreePorts.udpAndTcp(), "uas_ring.xml", FreePorts.udpAndTcp());

        new VoicemailCaller(server.sipPort(), PASSWORD).talk("1001", "1004",
                VoicemailCaller.untilAfterBeep("1004", Duration.ofSeconds(3)));

        desk.awaitResult().assertAllCallsSucceeded("1004's desk phone rings first and gets the CANCEL");
        mobile.awaitResult().assertAllCallsSucceeded("1005 rings next and gets the CANCEL");
        JsonNode message = new VoicemailBoxes(api, dir).awaitMessages("1004", 1).getFirst();
        assertThat(message.toString()).as("the caller's message in 1004's box").contains("1001");
    }

    @Test
    void theExtensionEditorShowsTheApisComplaintNextToTheNumberAndSavesTheList() throws Exception {
        try (PanelChromium panel = PanelChromium.loggedIn(server.httpPort(), dir.resolve("chromium"))) {
            WebDriver browser = panel.browser();
            panel.open("/extensions");
            panel.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Edit extension 1001']")))
                    .click();
            panel.await().until(ExpectedConditions.attributeToBe(By.cssSelector("#follow-me-form input[name=desk_seconds]"),
                    "value", "20"));
            browser.findElement(By.cssSelector("#follow-me-form input[name=enabled]")).click();
            browser.findElement(By.id("follow-me-add")).click();
            WebElement number = browser.findElement(By.name("destinations[0].number"));
            number.sendKeys("1999");
            browser.findElement(By.cssSelector("#follow-me-form button[type=submit]")).click();
            panel.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("fm-f-destinations[0].number-error"),
                    "must be an existing extension"));

            number.clear();
            number.sendKeys("1005");
            browser.findElement(By.cssSelector("#follow-me-form button[type=submit]")).click();
            panel.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("follow-me-status"),
                    "Follow-me of 1001 saved."));
        }
        JsonNode saved = api.getJson("/api/extensions/1001/follow-me");
        assertThat(saved.get("enabled").asBoolean()).as("stored as typed: %s", saved).isTrue();
        assertThat(saved.get("destinations").toString()).isEqualTo("[{\"number\":\"1005\",\"ring_seconds\":20}]");
    }

    private static void followMe(String extension, String json) throws Exception {
        HttpResponse<String> put = api.put("/api/extensions/" + extension + "/follow-me", json);
        assertThat(put.statusCode()).as("PUT follow-me of %s: %s", extension, put.body()).isEqualTo(200);
    }

    /** {@code extension} registers from {@code port}, then waits there with {@code scenario}, its SDP naming {@code rtpPort}. */
    private static Sipp.Running registered(String extension, int port, String scenario, int rtpPort) throws Exception {
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials(extension, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + extension);
        Sipp.Running running = Sipp.scenario(scenario).localPort(port).key("rtp_port", Integer.toString(rtpPort))
                .runLimitSeconds(40).start();
        await("SIPp of " + extension + " listens").atMost(WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
        return running;
    }

    /** {@code caller}'s answered call, once its callee leg goes to {@code callee}'s phone; null before. */
    private static JsonNode bridgedCall(String caller, String callee) {
        for (JsonNode call : api.getJson("/api/calls")) {
            if (call.get("caller").asText().equals(caller) && call.get("state").asText().equals("ANSWERED")) {
                for (JsonNode leg : call.get("legs")) {
                    if (leg.get("role").asText().equals("callee") && leg.get("party").asText().equals(callee)) {
                        return call;
                    }
                }
            }
        }
        return null;
    }

    /** The PBX's RTP port facing the leg of {@code role}. */
    private static int relayPortOf(JsonNode call, String role) {
        for (JsonNode leg : call.get("legs")) {
            if (leg.get("role").asText().equals(role)) {
                return leg.at("/media/local_rtp_port").asInt();
            }
        }
        throw new AssertionError("no " + role + " leg in " + call);
    }

    /** In how many 50 ms blocks a tone of {@code hz} carries most of the energy. */
    private static int blocksWithTone(short[] samples, double hz) {
        Goertzel filter = new Goertzel(hz, 8000);
        int blocks = 0;
        for (int b = 0; b + 400 <= samples.length; b += 400) {
            if (filter.relativePower(samples, b, 400) > 0.5) {
                blocks++;
            }
        }
        return blocks;
    }

    /**
     * The RTP port of the phone that answers: it records the PCMU it hears and, told the PBX's relay
     * port, talks {@link #CALLEE_HZ} there first (both parties of a bridged call wait for the other
     * otherwise: the relay plays nothing of its own).
     */
    private static final class AnsweringMedia implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final ByteArrayOutputStream heard = new ByteArrayOutputStream();
        private final Thread receiver = Thread.ofVirtual().start(this::receive);

        AnsweringMedia() throws IOException {}

        int port() {
            return socket.getLocalPort();
        }

        short[] heard() {
            byte[] codes;
            synchronized (heard) {
                codes = heard.toByteArray();
            }
            short[] pcm = new short[codes.length];
            MuLaw.decode(codes, 0, pcm, 0, codes.length);
            return pcm;
        }

        void talkTo(int relayPort) {
            Thread.ofVirtual().start(() -> {
                ToneGenerator tone = new ToneGenerator(CALLEE_HZ, 0.3, 8000);
                byte[] packet = new byte[12 + 160];
                short[] pcm = new short[160];
                packet[0] = (byte) 0x80;
                long next = System.nanoTime();
                for (int seq = 0; !socket.isClosed(); seq++) {
                    packet[2] = (byte) (seq >> 8);
                    packet[3] = (byte) seq;
                    int timestamp = seq * 160;
                    for (int i = 0; i < 4; i++) {
                        packet[4 + i] = (byte) (timestamp >>> (24 - 8 * i));
                        packet[8 + i] = (byte) (0x0fe11003 >>> (24 - 8 * i));
                    }
                    tone.fill(pcm, 0, 160);
                    MuLaw.encode(pcm, 0, packet, 12, 160);
                    try {
                        socket.send(new DatagramPacket(packet, packet.length, new InetSocketAddress("127.0.0.1", relayPort)));
                    } catch (IOException closed) {
                        return;
                    }
                    next += TimeUnit.MILLISECONDS.toNanos(20);
                    LockSupport.parkNanos(next - System.nanoTime());
                }
            });
        }

        private void receive() {
            byte[] buffer = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            while (!socket.isClosed()) {
                try {
                    socket.receive(packet);
                } catch (IOException closed) {
                    return;
                }
                int header = 12 + 4 * (buffer[0] & 0x0F);
                if ((buffer[1] & 0x7F) == 0 && packet.getLength() > header) {
                    synchronized (heard) {
                        heard.write(buffer, header, packet.getLength() - header);
                    }
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            socket.close();
            receiver.join();
        }
    }
}
