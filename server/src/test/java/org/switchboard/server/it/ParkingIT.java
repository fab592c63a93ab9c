package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 16, call parking with real SIPp phones on a whole node seeded with the default lot (700, slots 701-720)
 * and a six-second timeout: a callee parks its caller by blind transfer (REFER to 700); the caller hears the lot's
 * announcement and music through the relay port it already sends to; {@code GET /api/parking} lists the slot; a
 * third phone dials the slot and the two talk through the PBX, each hearing the other's tone. Unretrieved, the call
 * rings the parker back, which answers and is bridged to the caller. The panel's Parking page lists a caller who
 * parked itself and shows the API's complaint next to the field. One node for the class (SQLite).
 */
class ParkingIT {
    private static final String PASSWORD = "parking-it-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final double CALLER_HZ = 1000;
    private static final double RETRIEVER_HZ = 1600;

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        database = TestDatabases.sqlite();
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 30600, port_max: 30639}
                admin: {username: root, password: root-password}
                parking: {timeout: 6s}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Carol, password: %1$s}
                  - {number: "1004", name: Dave, password: %1$s}
                  - {number: "1005", name: Erin, password: %1$s}
                  - {number: "1006", name: Frank, password: %1$s}
                """.formatted(PASSWORD)), Clock.systemUTC(), "test");
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
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
    void aCallParkedByReferHearsMusicAndIsRetrievedByDiallingItsSlot() throws Exception {
        try (TalkingPhoneMedia alice = TalkingPhoneMedia.talking(CALLER_HZ);
             TalkingPhoneMedia carol = TalkingPhoneMedia.talking(RETRIEVER_HZ)) {
            Sipp.Running bob = parker("1002");
            Sipp.Running caller = call("1001", "1002", alice);
            bob.awaitResult().assertAllCallsSucceeded("1002 answers, REFERs 1001 to 700, gets NOTIFY 200 and BYE");

            JsonNode parked = awaitParked("1001");
            assertThat(parked.get("parked_by").asText()).as("the transferor: %s", parked).isEqualTo("1002");
            assertThat(parked.get("slot").asInt()).isBetween(701, 720);
            assertThat(parked.get("since").asText()).isNotEmpty();
            int heard = alice.received();
            await("the parked caller hears the announcement and music").atMost(WAIT)
                    .until(() -> alice.received() > heard + 50);

            Sipp.Running retriever = call("1003", parked.get("slot").asText(), carol);
            await("1001 is no longer parked").atMost(WAIT).until(() -> parkedCaller("1001") == null);
            int aliceBefore = alice.heard().length;
            int carolBefore = carol.heard().length;
            await("each hears the other's tone through the PBX").atMost(WAIT).until(() ->
                    blocksWithTone(alice.heard(), aliceBefore, RETRIEVER_HZ) >= 10
                            && blocksWithTone(carol.heard(), carolBefore, CALLER_HZ) >= 10);

            hangUpCallOf("1003");
            retriever.awaitResult().assertAllCallsSucceeded("1003 dials the slot, talks with 1001 and is hung up");
            caller.awaitResult().assertAllCallsSucceeded("1001 is hung up when the retriever's call ends");
        }
    }

    @Test
    void anUnretrievedCallRingsBackThePhoneThatParkedIt() throws Exception {
        int erinPort = FreePorts.udpAndTcp();
        try (TalkingPhoneMedia dave = TalkingPhoneMedia.talking(CALLER_HZ)) {
            Sipp.Running erin = parker("1005", erinPort);
            Sipp.Running caller = call("1004", "1005", dave);
            erin.awaitResult().assertAllCallsSucceeded("1005 answers, REFERs 1004 to 700, gets NOTIFY 200 and BYE");
            assertThat(awaitParked("1004").get("parked_by").asText()).isEqualTo("1005");

            Sipp.Running rungBack = Sipp.scenario("uas_answer_until_bye.xml").localPort(erinPort)
                    .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(40).start();
            await("the timeout frees the slot").atMost(WAIT).until(() -> parkedCaller("1004") == null);
            await("1005 answered the ring-back").atMost(WAIT).until(() -> isBridged("1004", "1005"));

            hangUpCallOf("1004");
            rungBack.awaitResult().assertAllCallsSucceeded("1005 is rung back with 1004 and hung up");
            caller.awaitResult().assertAllCallsSucceeded("1004 talks with 1005 again and is hung up");
        }
    }

    @Test
    void thePanelListsACallerWhoParkedItselfAndShowsTheApisComplaintNextToTheField() throws Exception {
        try (TalkingPhoneMedia frank = TalkingPhoneMedia.listening();
             PanelBrowser panel = PanelBrowser.loggedIn(dir, server.httpPort(), "root", "root-password")) {
            panel.open("/parking");
            panel.awaitValue(By.name("number"), "700");
            WebElement timeout = panel.driver().findElement(By.name("timeout_seconds"));
            timeout.clear();
            timeout.sendKeys("2");
            panel.driver().findElement(By.cssSelector("#park-lot-form button[type=submit]")).click();
            panel.awaitText(By.id("f-timeout_seconds-error"), "between 5 and 3600");

            Sipp.Running caller = call("1006", "700", frank);
            JsonNode parked = awaitParked("1006");
            assertThat(parked.get("parked_by").asText()).as("dialled directly: it parked itself").isEqualTo("1006");
            By row = By.cssSelector("#parked-calls tr[data-slot='" + parked.get("slot").asText() + "']");
            panel.awaitText(row, "1006");
            caller.awaitResult().assertAllCallsSucceeded("1006 parks itself, nobody takes it and the PBX hangs up");
        }
        assertThat(api.getJson("/api/parking/lot").get("timeout_seconds").asInt()).as("nothing refused was stored")
                .isEqualTo(6);
    }

    private static Sipp.Running parker(String extension) throws Exception {
        return parker(extension, FreePorts.udpAndTcp());
    }

    /** {@code extension} registers from {@code port} and waits there to answer and park its caller. */
    private static Sipp.Running parker(String extension, int port) throws Exception {
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials(extension, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + extension);
        Sipp.Running running = Sipp.scenario("park_transferor.xml").localPort(port).key("target", "700")
                .runLimitSeconds(30).start();
        awaitListening(port);
        return running;
    }

    private static Sipp.Running call(String caller, String dialled, TalkingPhoneMedia media) throws IOException {
        int port = server.sipPort();
        return Sipp.scenario("uac_answered_until_bye.xml").target(port)
                .option("-s", dialled, "-au", caller, "-ap", PASSWORD, "-auth_uri", dialled + "@127.0.0.1:" + port)
                .key("caller", caller).key("sdp_ip", "127.0.0.1").key("codec", "0")
                .key("rtp_port", Integer.toString(media.port())).runLimitSeconds(40).start();
    }

    private static JsonNode awaitParked(String caller) {
        await(caller + " listed in a slot").atMost(WAIT).until(() -> parkedCaller(caller) != null);
        return parkedCaller(caller);
    }

    private static JsonNode parkedCaller(String caller) {
        for (JsonNode parked : api.getJson("/api/parking")) {
            if (parked.get("caller").asText().equals(caller)) {
                return parked;
            }
        }
        return null;
    }

    /** Whether {@code caller}'s call is answered with a callee leg to {@code callee}'s phone. */
    private static boolean isBridged(String caller, String callee) {
        for (JsonNode call : api.getJson("/api/calls")) {
            if (call.get("caller").asText().equals(caller) && call.get("state").asText().equals("ANSWERED")) {
                for (JsonNode leg : call.get("legs")) {
                    if (leg.get("role").asText().equals("callee") && leg.get("party").asText().equals(callee)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void hangUpCallOf(String caller) throws Exception {
        for (JsonNode call : api.getJson("/api/calls")) {
            if (call.get("caller").asText().equals(caller)) {
                api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
                return;
            }
        }
        throw new AssertionError("no call of " + caller + " in " + api.getJson("/api/calls"));
    }

    /** In how many 50 ms blocks after sample {@code from} a tone of {@code hz} carries most of the energy. */
    private static int blocksWithTone(short[] samples, int from, double hz) {
        Goertzel filter = new Goertzel(hz, 8000);
        short[] after = Arrays.copyOfRange(samples, Math.min(from, samples.length), samples.length);
        int blocks = 0;
        for (int b = 0; b + 400 <= after.length; b += 400) {
            if (filter.relativePower(after, b, 400) > 0.5) {
                blocks++;
            }
        }
        return blocks;
    }

    private static void awaitListening(int port) {
        await().atMost(WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
