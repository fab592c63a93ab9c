package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * The name a ringing phone shows, with real peers: extension 1002's SIPp phone logs the From of
 * each INVITE it gets. A call from extension 1001 shows 1001's name; a carrier's call (a SIPp
 * carrier on 127.0.0.2, trunk {@code carrier}) from a number that is in the phone book, written
 * there with a country code and separators, shows the contact's name; one from a number in no
 * contact shows the number alone.
 */
class CallerNameIT {
    private static final String PASSWORD = "digest-secret-71";
    private static final String DID = "15550001000";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @AutoClose
    private TestNode node;

    @Test
    void phonesSeeTheExtensionsOrTheContactsNameWithTheCallersNumber() throws Exception {
        node = TestNode.start(dir, """
                extensions:
                  - {number: "1001", name: Alice Example, password: %1$s}
                  - {number: "1002", name: Callee, password: %1$s}
                """.formatted(PASSWORD));
        ApiClient api = node.api();
        CarrierCalls.created(api.post("/api/trunks", """
                {"name":"carrier","host":"127.0.0.2","port":5060,"register":false,"options_interval":0,
                 "inbound_addresses":["127.0.0.2"]}"""));
        CarrierCalls.created(api.post("/api/inbound-routes", """
                {"did":"%s","action":"extension","target":"1002"}""".formatted(DID)));
        CarrierCalls.created(api.post("/api/phonebook", """
                {"first_name":"Jane","last_name":"Doe","company":"Acme","mobile":"+1 (555) 999-0000"}"""));

        int sipPort = node.server().sipPort();
        int phonePort = FreePorts.udpAndTcp();
        Path phoneLog = dir.resolve("phone.log");
        Sipp.scenario("register.xml").target(sipPort).localPort(phonePort).credentials("1002", PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER 1002 from SIPp");
        Sipp.Running phone = Sipp.scenario("uas_answer_logging_caller.xml").localPort(phonePort).calls(3)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp()))
                .option("-trace_logs", "-log_file", phoneLog.toString()).runLimitSeconds(60).start();
        CarrierCalls.awaitListening(phonePort, WAIT);

        Sipp.Running extension = Sipp.scenario("uac_until_hung_up.xml").target(sipPort)
                .option("-s", "1002", "-au", "1001", "-ap", PASSWORD, "-auth_uri", "1002@127.0.0.1:" + sipPort)
                .key("caller", "1001").runLimitSeconds(30).start();
        hangUpTheAnsweredCall(api, extension, "1001");
        carrierCall(api, sipPort, "15559990000");
        carrierCall(api, sipPort, "15558880000");
        phone.awaitResult().assertAllCallsSucceeded("1002 rang three times, answered and was hung up");

        String log = Files.readString(phoneLog);
        List<String> froms = Pattern.compile("(?m)^FROM \\[?(.*?)]?$").matcher(log).results().map(m -> m.group(1).strip()).toList();
        assertThat(froms).as(log).hasSize(3);
        assertThat(froms.get(0)).as("the extension's own name").startsWith("\"Alice Example\" <sip:1001@");
        assertThat(froms.get(1)).as("the phone book's contact").startsWith("\"Jane Doe\" <sip:15559990000@");
        assertThat(froms.get(2)).as("a number in no contact").startsWith("<sip:15558880000@");
    }

    private static void carrierCall(ApiClient api, int sipPort, String caller) throws Exception {
        Sipp.Running carrier = Sipp.scenario("carrier_call_did.xml").target(sipPort)
                .option("-s", DID, "-i", "127.0.0.2").key("caller", caller).runLimitSeconds(30).start();
        hangUpTheAnsweredCall(api, carrier, caller);
    }

    private static void hangUpTheAnsweredCall(ApiClient api, Sipp.Running caller, String number) throws Exception {
        try {
            JsonNode call = await("the call from " + number + " answered by 1002").atMost(WAIT)
                    .until(() -> CarrierCalls.onlyCall(api), c -> c != null && "ANSWERED".equals(c.get("state").asText()));
            assertThat(call.get("caller").asText()).as(call.toString()).isEqualTo(number);
            api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
            caller.awaitResult().assertAllCallsSucceeded("the call from " + number + " answered, then hung up by the PBX");
            await("the call over").atMost(WAIT).until(() -> api.getJson("/api/calls").isEmpty());
        } finally {
            caller.stop();
        }
    }
}
