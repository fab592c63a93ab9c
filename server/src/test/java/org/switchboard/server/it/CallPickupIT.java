package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Issue 16, call pickup with real peers on a whole node with the seeded rules ({@code **<extension>}, {@code *8}):
 * a baresip caller rings 1002, a SIPp phone that only rings; baresip 1003 dials {@code **1002} and gets the call:
 * 1002 is cancelled as answered elsewhere, caller and picker hear each other's tone through the relay, and the CDR
 * names 1003 as the callee, with the pickup recorded beside it. Group pickup: 1004 dials {@code *8} and gets the call ringing 1005, its fellow member of
 * group sales. Nothing ringing: {@code *8} and {@code **1002} are refused with 480. The extension editor saves an
 * extension's groups and shows the API's complaint next to the field. One node for the class (SQLite).
 */
class CallPickupIT {
    private static final String PASSWORD = "pickup-it-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 33200, port_max: 33239}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Carol, password: %1$s}
                  - {number: "1004", name: Dave, password: %1$s}
                  - {number: "1005", name: Erin, password: %1$s}
                  - {number: "1006", name: Frank, password: %1$s}
                """.formatted(PASSWORD));
        server = node.server();
        api = node.api();
        for (String member : new String[] {"1004", "1005"}) {
            assertThat(api.put("/api/extensions/" + member + "/pickup-groups", "{\"groups\":[\"sales\"]}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void directedPickupConnectsTheCallerToThePickerAndCancelsTheRungPhone() throws Exception {
        Sipp.Running bob = ringingPhone("1002");
        Path work = Baresip.newFolder("pickup-");
        try (Baresip caller = Baresip.start(work.resolve("1001"), Baresip.Account.registeredAt(server.sipPort(), "1001",
                PASSWORD).offering("PCMU/8000/1"), ToneCall.callerTone(work));
             Baresip picker = Baresip.start(work.resolve("1003"), Baresip.Account.registeredAt(server.sipPort(), "1003",
                     PASSWORD).offering("PCMU/8000/1"), ToneCall.calleeTone(work))) {
            caller.awaitRegistered(WAIT);
            picker.awaitRegistered(WAIT);
            ToneCall call = new ToneCall(caller, picker, CallPickupIT::activeCalls);

            caller.dial("sip:1002@127.0.0.1:" + server.sipPort());
            JsonNode ringing = awaitRinging("1002");
            assertThat(ringing.get("caller").asText()).isEqualTo("1001");
            picker.dial("sip:**1002@127.0.0.1:" + server.sipPort());
            call.talkOnceConnected();

            bob.awaitResult().assertAllCallsSucceeded("1002 rang and was cancelled, answered elsewhere");
            call.assertEachHeardTheOther();
            JsonNode cdr = awaitCdr(caller.callIdOfFirstInvite());
            assertThat(cdr.get("disposition").asText()).as("%s", cdr).isEqualTo("ANSWERED");
            assertThat(cdr.get("caller").asText()).as("%s", cdr).isEqualTo("1001");
            assertThat(cdr.get("callee").asText()).as("the picker answered: %s", cdr).isEqualTo("1003");
            JsonNode pickup = awaitPickup(cdr.get("call_id").asText());
            assertThat(pickup.get("rung").asText()).as("%s", pickup).isEqualTo("1002");
            assertThat(pickup.get("picked_up_by").asText()).as("%s", pickup).isEqualTo("1003");
            assertThat(pickup.get("how").asText()).as("%s", pickup).isEqualTo("directed");
            assertThat(picker.log()).as("the picker's phone is shown who called")
                    .containsPattern("(?i)P-Asserted-Identity: [^\\r\\n]*sip:1001@");
        }
        assertThat(api.getJson("/api/pickup/ringing")).as("nothing rings any more").isEmpty();
    }

    @Test
    void groupPickupAnswersTheCallRingingAFellowMember() throws Exception {
        try (TalkingPhoneMedia frank = TalkingPhoneMedia.listening();
             TalkingPhoneMedia dave = TalkingPhoneMedia.listening()) {
            Sipp.Running erin = ringingPhone("1005");
            Sipp.Running caller = call("1006", "1005", frank);
            awaitRinging("1005");

            Sipp.Running picker = call("1004", "*8", dave);
            JsonNode answered = await("1006's call answered by 1004").atMost(WAIT)
                    .until(() -> callOf("1006"), c -> c.isPresent() && c.get().get("state").asText().equals("ANSWERED"))
                    .orElseThrow();
            assertThat(answered.get("callee").asText()).as("%s", answered).isEqualTo("1004");
            erin.awaitResult().assertAllCallsSucceeded("1005 rang and was cancelled, answered elsewhere");

            api.delete("/api/calls/" + URLEncoder.encode(answered.get("id").asText(), StandardCharsets.UTF_8));
            caller.awaitResult().assertAllCallsSucceeded("1006 is answered by the pickup and hung up");
            picker.awaitResult().assertAllCallsSucceeded("1004's *8 is answered and hung up");
            JsonNode cdr = awaitCdr(answered.get("id").asText());
            assertThat(cdr.get("callee").asText()).as("%s", cdr).isEqualTo("1004");
            assertThat(cdr.get("caller").asText()).as("%s", cdr).isEqualTo("1006");
            JsonNode pickup = awaitPickup(answered.get("id").asText());
            assertThat(pickup.get("rung").asText()).as("%s", pickup).isEqualTo("1005");
            assertThat(pickup.get("how").asText()).as("%s", pickup).isEqualTo("group");
        }
    }

    @Test
    void aPickupWithNothingRingingIsRefused() throws Exception {
        refused("1004", "*8");
        refused("1003", "**1002");
        assertThat(api.getJson("/api/calls")).as("no call is left behind").isEmpty();
    }

    @Test
    void theExtensionEditorSavesPickupGroupsAndShowsTheApisComplaintNextToTheField() throws Exception {
        try (PanelChromium panel = PanelChromium.loggedIn(server.httpPort(), dir.resolve("chromium"))) {
            WebDriver browser = panel.browser();
            panel.open("/extensions");
            panel.await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Edit extension 1006']")))
                    .click();
            WebElement groups = panel.await().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#pickup-groups-form input[name=groups]")));
            groups.sendKeys("Front Desk");
            browser.findElement(By.cssSelector("#pickup-groups-form button[type=submit]")).click();
            panel.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("f-groups-error"), "lower-case"));

            groups.clear();
            groups.sendKeys("support, front-desk");
            browser.findElement(By.cssSelector("#pickup-groups-form button[type=submit]")).click();
            panel.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("pickup-groups-status"),
                    "Pickup groups of 1006 saved."));
        }
        assertThat(api.getJson("/api/extensions/1006/pickup-groups").get("groups").toString())
                .isEqualTo("[\"front-desk\",\"support\"]");
    }

    /** {@code extension}, a SIPp phone, registers and then rings for the first INVITE until it is cancelled. */
    private static Sipp.Running ringingPhone(String extension) throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials(extension, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + extension);
        Sipp.Running running = Sipp.scenario("uas_ring_answered_elsewhere.xml").localPort(port).runLimitSeconds(40)
                .start();
        CarrierCalls.awaitListening(port, WAIT);
        return running;
    }

    /** {@code caller}, a SIPp phone listening for RTP on {@code media}, dials {@code dialled} and waits to be hung up. */
    private static Sipp.Running call(String caller, String dialled, TalkingPhoneMedia media) throws IOException {
        int port = server.sipPort();
        return Sipp.scenario("uac_answered_until_bye.xml").target(port)
                .option("-s", dialled, "-au", caller, "-ap", PASSWORD, "-auth_uri", dialled + "@127.0.0.1:" + port)
                .key("caller", caller).key("sdp_ip", "127.0.0.1").key("codec", "0")
                .key("rtp_port", Integer.toString(media.port())).runLimitSeconds(40).start();
    }

    private static void refused(String caller, String dialled) throws Exception {
        int port = server.sipPort();
        Sipp.scenario("uac_refused_480.xml").target(port).runLimitSeconds(15)
                .option("-s", dialled, "-au", caller, "-ap", PASSWORD, "-auth_uri", dialled + "@127.0.0.1:" + port)
                .key("caller", caller).key("codec", "0").key("sdp_ip", "127.0.0.1")
                .run().assertAllCallsSucceeded(caller + " dials " + dialled + " with nothing ringing: 480");
    }

    /** The call ringing {@code extension}, as {@code GET /api/pickup/ringing} lists it. */
    private static JsonNode awaitRinging(String extension) {
        return await(extension + " rings").atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode call : api.getJson("/api/pickup/ringing")) {
                for (JsonNode rung : call.get("extensions")) {
                    if (rung.asText().equals(extension)) {
                        return Optional.of(call);
                    }
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).orElseThrow();
    }

    private static Optional<JsonNode> callOf(String caller) {
        for (JsonNode call : api.getJson("/api/calls")) {
            if (call.get("caller").asText().equals(caller)) {
                return Optional.of(call);
            }
        }
        return Optional.empty();
    }

    /** The ended call's CDR, once the write-behind writer stored it. */
    private static JsonNode awaitCdr(String callId) {
        return await("CDR of " + callId).atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode item : api.getJson("/api/cdr?limit=100").get("items")) {
                if (item.get("call_id").asText().equals(callId) && !item.path("status").asText().equals("open")) {
                    return Optional.of(item);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).orElseThrow();
    }

    /** The record that call {@code callId} was picked up, written behind beside its CDR. */
    private static JsonNode awaitPickup(String callId) {
        return await("pickup of " + callId).atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode item : api.getJson("/api/pickups")) {
                if (item.get("call_id").asText().equals(callId)) {
                    return Optional.of(item);
                }
            }
            return Optional.<JsonNode>empty();
        }, Optional::isPresent).orElseThrow();
    }

    private static String activeCalls() {
        return "GET /api/calls -> " + api.getJson("/api/calls");
    }
}
