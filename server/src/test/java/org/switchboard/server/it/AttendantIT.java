package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Issue 14, the auto attendant with real SIPp phones on a whole node: a dial-plan rule {@code
 * {"action":"ivr","target":"main"}} sends 500 to menu {@code main}, made through the API like an
 * operator would. Keys come by SIP INFO, as RFC 4733 telephone-events (SIPp) and as tones in a
 * real softphone's audio (baresip); what happened is read from the CDR's hang-up cause and from the
 * callee phone's own run. One node for the class (SQLite).
 */
class AttendantIT {
    private static final String PASSWORD = "attendant-it-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 29720, port_max: 29759}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                  - {number: "1003", name: Carol, password: %1$s}
                  - {number: "1004", name: Dave, password: %1$s}
                  - {number: "1005", name: Erin, password: %1$s}
                  - {number: "1006", name: Frank, password: %1$s}
                  - {number: "1007", name: Grace, password: %1$s}
                  - {number: "1008", name: Heidi, password: %1$s}
                  - {number: "1009", name: Ivan, password: %1$s}
                """.formatted(PASSWORD));
        server = node.server();
        api = node.api();
        created(api.post("/api/ivr/menus", """
                {"name":"sales","greeting":"please-hold","timeout_seconds":5,"retries":1,
                 "options":[{"digit":"#","action":"hangup"}]}"""));
        created(api.post("/api/ivr/menus", """
                {"name":"quick","greeting":"goodbye","timeout_seconds":1,"retries":1,
                 "timeout_action":{"action":"hangup"}}"""));
        created(api.post("/api/ivr/menus", """
                {"name":"main","greeting":"welcome","timeout_seconds":5,"retries":2,
                 "options":[{"digit":"2","action":"extension","target":"1002"},{"digit":"3","action":"menu","target":"sales"},
                            {"digit":"8","action":"hangup"},{"digit":"0","action":"dial_by_extension"}],
                 "timeout_action":{"action":"menu","target":"quick"}}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":35,"name":"attendant","pattern":"500","action":"ivr","target":"main"}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":36,"name":"quick attendant","pattern":"501","action":"ivr","target":"quick"}"""));
    }

    @Test
    void aKeyLeadingToAnotherMenuThenItsHangupKeyEndTheCallInThatMenu() throws Exception {
        caller("uac_attendant_keys.xml", "1001").key("digit1", "3").key("digit2", "#").run()
                .assertAllCallsSucceeded("1001 dials 500, presses 3 (menu sales), then # (hang up) and gets the PBX's BYE");

        JsonNode cdr = endedCallOf("1001");
        assertThat(cdr.get("hangup_cause").asText()).as("CDR %s", cdr).isEqualTo("attendant hangup in menu sales");
        assertThat(cdr.get("disposition").asText()).isEqualTo("ANSWERED");
    }

    @Test
    void theHangupKeyOfTheFirstMenuEndsTheCallThere() throws Exception {
        caller("uac_attendant_keys.xml", "1003").key("digit1", "7").key("digit2", "8").run()
                .assertAllCallsSucceeded("1003 dials 500, presses 7 (no option: offered again), then 8 (hang up)");

        assertThat(endedCallOf("1003").get("hangup_cause").asText()).isEqualTo("attendant hangup in menu main");
    }

    @Test
    void aCallerWhoPressesNothingHearsTheMenuAgainThenItsTimeoutAction() throws Exception {
        Sipp.scenario("uac_attendant_silent.xml").target(server.sipPort()).runLimitSeconds(30)
                .option("-s", "501", "-au", "1005", "-ap", PASSWORD, "-auth_uri", "501@127.0.0.1:" + server.sipPort())
                .key("caller", "1005").run()
                .assertAllCallsSucceeded("1005 dials 501, presses nothing and gets the PBX's BYE");

        JsonNode cdr = endedCallOf("1005");
        assertThat(cdr.get("hangup_cause").asText()).isEqualTo("attendant hangup in menu quick");
        assertThat(cdr.get("duration_seconds").asLong()).as("offered twice (one retry), 1 s wait each, then goodbye: %s", cdr)
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void anExtensionNumberKeyedInAtTheMenuIsDialledDirectly() throws Exception {
        connectsTo1002(caller("uac_attendant_info_keys_then_bye.xml", "1006").key("digit1", "1").key("digit2", "0")
                .key("digit3", "0").key("digit4", "2"), "1006 presses 1 0 0 2 (1 is no option: direct dialling)");
    }

    @Test
    void theDialByExtensionKeyTakesTheNumberAndConnectsToIt() throws Exception {
        connectsTo1002(caller("uac_attendant_info_5_keys_then_bye.xml", "1009").key("digit1", "0").key("digit2", "1")
                .key("digit3", "0").key("digit4", "0").key("digit5", "2"), "1009 presses 0 (dial by extension), then 1 0 0 2");
    }

    @Test
    void anInbandKeyFromARealSoftphoneIsHeardByTheMenu() throws Exception {
        Path work = Baresip.newFolder("attendant-inband-");
        // Its microphone: 3 s of silence, key 8 as its tone pair for 300 ms, then silence the PBX's hang-up cuts short.
        Path microphone = Files.write(work.resolve("key-8.wav"), AudioClip.concat(List.of(
                AudioClip.silence(Duration.ofSeconds(3)), AudioClip.dtmf('8', Duration.ofMillis(300)),
                AudioClip.silence(Duration.ofSeconds(12)))).toWav());
        try (Baresip phone = Baresip.start(work.resolve("1008"),
                Baresip.Account.registeredAt(server.sipPort(), "1008", PASSWORD).offering("PCMU/8000/1"), microphone)) {
            phone.awaitRegistered(Duration.ofSeconds(10));
            phone.dial("sip:500@127.0.0.1:" + server.sipPort());
            phone.awaitCallEstablished(Duration.ofSeconds(10));
            phone.awaitCallTerminated(Duration.ofSeconds(12));
        }

        assertThat(endedCallOf("1008").get("hangup_cause").asText()).as("key 8 (hang up) heard in the audio")
                .isEqualTo("attendant hangup in menu main");
    }

    @Test
    void keyTwoByRfc4733ConnectsTheCallerToExtension1002() throws Exception {
        connectsTo1002(caller("uac_attendant_rfc4733_2_then_bye.xml", "1007"), "1007 presses 2 by RFC 4733");
    }

    @Test
    void keyTwoBySipInfoConnectsTheCallerToExtension1002() throws Exception {
        connectsTo1002(caller("uac_attendant_info_key_then_bye.xml", "1004").key("digit1", "2"), "1004 presses 2 by SIP INFO");
    }

    /** 1002 (a SIPp phone) registers and answers; the caller dials 500, keys its way to 1002 and talks; 1002 hears its BYE. */
    private static void connectsTo1002(Sipp caller, String what) throws Exception {
        int phonePort = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(phonePort).credentials("1002", PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER 1002 from SIPp");
        Sipp.Running callee = Sipp.scenario("uas_answer_until_bye.xml").localPort(phonePort)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(40).start();
        try {
            awaitListening(phonePort);
            caller.run().assertAllCallsSucceeded(what + ", talks to 1002 and hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1002 is rung, answers, and gets the caller's BYE");
        } finally {
            callee.stop();
        }
    }

    private static Sipp caller(String scenario, String caller) {
        int port = server.sipPort();
        return Sipp.scenario(scenario).target(port).runLimitSeconds(40)
                .option("-s", "500", "-au", caller, "-ap", PASSWORD, "-auth_uri", "500@127.0.0.1:" + port)
                .key("caller", caller);
    }

    /** The one ended call {@code caller} made, once the CDR writer wrote it. */
    private static JsonNode endedCallOf(String caller) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode row : JSON.readTree(api.get("/api/cdr").body()).get("items")) {
                if (row.get("caller").asText().equals(caller) && !row.get("status").asText().equals("open")) {
                    return row;
                }
            }
            return null;
        }, row -> row != null);
    }

    private static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("set-up: %s", r.body()).isEqualTo(201);
    }

    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            try {
                new DatagramSocket(port, InetAddress.getLoopbackAddress()).close();
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
