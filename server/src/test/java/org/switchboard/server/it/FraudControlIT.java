package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;

/**
 * Fraud control with real peers: a SIPp carrier behind trunk {@code carrier} (rated 1.00 a minute
 * for every number). Extension 3001, with a daily budget of 0.50, calls out and reaches the carrier;
 * once the call is hung up it has spent one minute's price, and its next call is refused with
 * {@code 403 Forbidden - daily budget exceeded}. Extension 3002 ({@code internal}) is refused
 * outside calls, 3003 a number in a blocked range. The refused calls never reach a trunk (the
 * carrier has ended: a call sent there would fail otherwise than with 403), and each refusal is a
 * stored event.
 */
class FraudControlIT {
    private static final String PASSWORD = "fraud-secret-77";
    private static final String NUMBER = "15550002000";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void budgetPermissionAndBlockedPatternRefuseWith403BeforeAnyTrunkWhileAnAllowedCallGoesOut() throws Exception {
        int carrierPort = FreePorts.udpAndTcp();
        Path carrierLog = dir.resolve("carrier.log");
        TalkingPhoneMedia carrierMedia = opened.add(TalkingPhoneMedia.talking(1000));
        // One call, the allowed one: SIPp writes its log when it ends, and a refused call that leaked to
        // the trunk afterwards would find no carrier and get 503, never the 403 the test expects.
        Sipp.Running carrier = Sipp.scenario("uas_answer_logging_caller.xml").localPort(carrierPort)
                .key("rtp_port", Integer.toString(carrierMedia.port()))
                .option("-trace_logs", "-log_file", carrierLog.toString()).runLimitSeconds(90).start();
        opened.add(carrier::stop);

        TestNode node = opened.add(TestNode.start(dir, """
                rtp: {port_min: 33100, port_max: 33139}
                extensions:
                  - {number: "3001", name: Budget, password: %1$s}
                  - {number: "3002", name: Lobby, password: %1$s}
                  - {number: "3003", name: Office, password: %1$s}
                """.formatted(PASSWORD)));
        ApiClient api = node.api();
        expect(201, api.post("/api/trunks", """
                {"name":"carrier","host":"127.0.0.1","port":%d,"transport":"udp","register":false,"options_interval":0}"""
                .formatted(carrierPort)));
        expect(201, api.post("/api/lcr-rates", """
                {"trunk":"carrier","prefix":"","rate":1.0}"""));
        expect(201, api.post("/api/outbound-routes", """
                {"name":"external","dial":"$1","trunks":["carrier"],"lcr":true}"""));
        expect(201, api.post("/api/dialplan/rules", """
                {"priority":5,"name":"outside line","pattern":"9([0-9]{11})","action":"outbound","target":"external"}"""));
        expect(200, api.put("/api/extensions/3001/outbound", """
                {"permission":"national","daily_budget":0.5}"""));
        expect(200, api.put("/api/extensions/3002/outbound", """
                {"permission":"internal"}"""));
        expect(201, api.post("/api/fraud/patterns", """
                {"prefix":"1555999","reason":"a range we saw fraud to"}"""));

        int sipPort = node.server().sipPort();
        Sipp.Running allowed = Sipp.scenario("uac_talk_until_hung_up.xml").target(sipPort)
                .option("-s", "9" + NUMBER, "-au", "3001", "-ap", PASSWORD, "-auth_uri", "9" + NUMBER + "@127.0.0.1:" + sipPort)
                .key("caller", "3001").runLimitSeconds(40).start();
        opened.add(allowed::stop);
        JsonNode call = await("3001's call answered by the carrier").atMost(WAIT)
                .until(() -> onlyCall(api), c -> c != null && "ANSWERED".equals(c.get("state").asText()));
        assertThat(call.get("callee").asText()).isEqualTo(NUMBER);
        api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
        allowed.awaitResult().assertAllCallsSucceeded("3001 calls out within its budget");
        carrier.awaitResult().assertAllCallsSucceeded("the carrier answered the allowed call");
        assertThat(Pattern.compile("(?m)^PAI ").matcher(Files.readString(carrierLog)).results().count())
                .as("one INVITE reached the carrier").isEqualTo(1);
        JsonNode spent = await("3001's call priced at its end").atMost(WAIT).until(
                () -> JSON.readTree(api.get("/api/extensions/3001/outbound").body()).get("today"),
                t -> t.get("minutes").asLong() == 1);
        assertThat(spent.get("spend").decimalValue()).as("one started minute at 1.00").isEqualByComparingTo("1");

        assertThat(forbidden("3001", "9" + NUMBER, sipPort)).isEqualTo("Forbidden - daily budget exceeded");
        assertThat(forbidden("3002", "9" + NUMBER, sipPort)).isEqualTo("Forbidden - outside calls not permitted");
        assertThat(forbidden("3003", "915559990000", sipPort)).isEqualTo("Forbidden - blocked destination");

        JsonNode events = await("the three refusals stored").atMost(WAIT)
                .until(() -> JSON.readTree(api.get("/api/fraud/events").body()), e -> e.size() == 3);
        assertThat(events.findValuesAsText("rule")).as(events.toString())
                .containsExactly("blocked_pattern", "permission", "daily_budget");
        assertThat(events.get(0).get("reason").asText()).contains("a range we saw fraud to");
        assertThat(events.findValuesAsText("extension")).containsExactly("3003", "3002", "3001");

    }

    /** {@code extension} dials {@code dialled}; the reason phrase of the 403 it must get. */
    private String forbidden(String extension, String dialled, int sipPort) throws Exception {
        Path log = dir.resolve(extension + "-" + dialled + ".log");
        Sipp.scenario("uac_forbidden.xml").target(sipPort).runLimitSeconds(15)
                .option("-s", dialled, "-au", extension, "-ap", PASSWORD, "-auth_uri", dialled + "@127.0.0.1:" + sipPort,
                        "-trace_logs", "-log_file", log.toString())
                .key("caller", extension).key("codec", "0").key("sdp_ip", "127.0.0.1").run()
                .assertAllCallsSucceeded(extension + " dialling " + dialled + " is refused with 403");
        String logged = Files.exists(log) ? Files.readString(log) : "(no log)";
        Matcher m = Pattern.compile("(?m)^REASON \\[?(.*?)]?$").matcher(logged);
        assertThat(m.find()).as("the reason phrase logged: %s", logged).isTrue();
        return m.group(1).strip();
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }

    private static JsonNode onlyCall(ApiClient api) throws Exception {
        JsonNode calls = JSON.readTree(api.get("/api/calls").body());
        return calls.size() == 1 ? calls.get(0) : null;
    }
}
