package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A time rule in the call path with real peers, on a node whose clock is moved to next Sunday noon
 * (calls.time_zone Europe/Berlin): DID 15550001000 routes to time rule {@code office} (open Monday to
 * Friday 09:00-17:00: extension 1002; closed: extension 1003); a SIPp carrier calls the DID and the
 * registered SIPp phone of 1003 answers, not 1002's; the dial-plan test explains the closed branch.
 */
class TimeRuleIT {
    private static final String PASSWORD = "digest-secret-83";
    private static final String DID = "15550001000";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void afterHoursACarriersCallGoesToTheClosedBranch() throws Exception {
        Instant sundayNoon = ZonedDateTime.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.SUNDAY))
                .withHour(12).withMinute(0).toInstant();
        Clock moved = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), sundayNoon));
        Server server = Server.start(NodeConfig.load(dir, opened.add(TestDatabases.sqlite()), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                calls: {time_zone: Europe/Berlin}
                extensions:
                  - {number: "1002", name: Desk, password: %s}
                  - {number: "1003", name: Night, password: %s}
                """.formatted(PASSWORD, PASSWORD)), moved, "test");
        opened.add(server::stop);
        ApiClient api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        CarrierCalls.created(api.post("/api/trunks", """
                {"name":"carrier","host":"127.0.0.2","port":5060,"register":false,"options_interval":0,
                 "inbound_addresses":["127.0.0.2"]}"""));
        CarrierCalls.created(api.post("/api/time-rules", """
                {"name":"office","hours":[{"days":["mon","tue","wed","thu","fri"],"from":"09:00","until":"17:00"}],
                 "open":{"action":"extension","target":"1002"},"closed":{"action":"extension","target":"1003"}}"""));
        CarrierCalls.created(api.post("/api/inbound-routes", """
                {"did":"%s","action":"time_rule","target":"office"}""".formatted(DID)));
        CarrierCalls.created(api.post("/api/dialplan/rules", """
                {"priority":5,"name":"office line","pattern":"500","action":"time_rule","target":"office"}"""));

        JsonNode plan = JSON.readTree(api.get("/api/dialplan/test?from=1002&to=500").body()).get("plan");
        assertThat(plan.get("steps").toString()).as(plan.toString())
                .contains("time_rule office: closed (Sun ").contains("Europe/Berlin is outside the hours): extension 1003");

        int sipPort = server.sipPort();
        int nightPort = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(sipPort).localPort(nightPort).credentials("1003", PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER 1003 from SIPp");
        Sipp.Running night = Sipp.scenario("uas_answer_until_bye.xml").localPort(nightPort)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(40).start();
        opened.add(night::stop);
        CarrierCalls.awaitListening(nightPort, WAIT);
        Sipp.Running carrier = Sipp.scenario("carrier_call_did.xml").target(sipPort).option("-s", DID, "-i", "127.0.0.2")
                .key("caller", "15559990000")
                .runLimitSeconds(40).start();
        opened.add(carrier::stop);

        JsonNode call = await("the carrier's call answered by 1003").atMost(WAIT)
                .until(() -> CarrierCalls.onlyCall(api), c -> c != null && "ANSWERED".equals(c.get("state").asText()));
        assertThat(call.get("callee").asText()).as(call.toString()).isEqualTo("1003");
        api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
        carrier.awaitResult().assertAllCallsSucceeded("the carrier's call answered, then hung up by the PBX");
        night.awaitResult().assertAllCallsSucceeded("1003 rang, answered and was hung up");
    }
}
