package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A carrier's call to a DID with real peers: a SIPp carrier on 127.0.0.2, the address of trunk
 * {@code carrier}, calls 15550001000 without credentials; the inbound route sends the DID to
 * extension 1002, whose registered SIPp phone rings and answers; the call shows the carrier's
 * calling number and the extension, and its CDR says so. (A source that belongs to no trunk keeps
 * being challenged like any caller: extension callers from 127.0.0.1 get 407 in the other ITs.)
 */
class InboundTrunkIT {
    private static final String PASSWORD = "digest-secret-52";
    private static final String DID = "15550001000";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void aCarriersCallToADidRingsTheExtensionItsRouteNames() throws Exception {
        Server server = Server.start(NodeConfig.load(dir, opened.add(TestDatabases.sqlite()), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1002", name: Callee, password: %s}
                """.formatted(PASSWORD)), Clock.systemUTC(), "test");
        opened.add(server::stop);
        ApiClient api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        CarrierCalls.created(api.post("/api/trunks", """
                {"name":"carrier","host":"127.0.0.2","port":5060,"register":false,"options_interval":0,
                 "inbound_addresses":["127.0.0.2"]}"""));
        CarrierCalls.created(api.post("/api/inbound-routes", """
                {"did":"%s","action":"extension","target":"1002"}""".formatted(DID)));
        HttpResponse<String> bad = api.post("/api/inbound-routes", "{\"did\":\"1555\",\"action\":\"nowhere\",\"target\":\"1\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/error/field").asText()).isEqualTo("action");

        int sipPort = server.sipPort();
        int phonePort = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(sipPort).localPort(phonePort).credentials("1002", PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER 1002 from SIPp");
        Sipp.Running phone = Sipp.scenario("uas_answer_until_bye.xml").localPort(phonePort)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(40).start();
        opened.add(phone::stop);
        CarrierCalls.awaitListening(phonePort, WAIT);
        Sipp.Running carrier = Sipp.scenario("carrier_call_did.xml").target(sipPort).option("-s", DID, "-i", "127.0.0.2")
                .key("caller", "15559990000")
                .runLimitSeconds(40).start();
        opened.add(carrier::stop);

        JsonNode call = await("the carrier's call answered by 1002").atMost(WAIT)
                .until(() -> CarrierCalls.onlyCall(api), c -> c != null && "ANSWERED".equals(c.get("state").asText()));
        assertThat(call.get("caller").asText()).as(call.toString()).isEqualTo("15559990000");
        assertThat(call.get("callee").asText()).as(call.toString()).isEqualTo("1002");
        api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
        carrier.awaitResult().assertAllCallsSucceeded("the carrier's call answered, then hung up by the PBX");
        phone.awaitResult().assertAllCallsSucceeded("1002 rang, answered and was hung up");

        JsonNode cdr = await("the CDR").atMost(WAIT)
                .until(() -> JSON.readTree(api.get("/api/cdr").body()).get("items"), c -> c.size() == 1).get(0);
        assertThat(cdr.get("caller").asText()).as(cdr.toString()).isEqualTo("15559990000");
        assertThat(cdr.get("callee").asText()).as(cdr.toString()).isEqualTo("1002");
        assertThat(cdr.get("disposition").asText()).as(cdr.toString()).isEqualTo("ANSWERED");
    }
}
