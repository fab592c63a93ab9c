package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.stirshaken.Attestation;
import org.switchboard.pbx.stirshaken.IdentitySigner;
import org.switchboard.pbx.stirshaken.testkit.CertificateServer;
import org.switchboard.pbx.stirshaken.testkit.StiPki;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabases;

/**
 * STIR/SHAKEN on carriers' calls with real peers: the node trusts a test STI-CA; a SIPp carrier
 * (127.0.0.2, trunk {@code carrier}'s address) calls DID 15550001000 twice, first with an Identity
 * header signed by the CA's service provider for its real caller 15559990000, then with one signed
 * for another number (a spoofed caller). With the default policy both ring extension 1002, whose
 * registered SIPp phone sees the carrier's caller in P-Asserted-Identity marked
 * {@code verstat=TN-Validation-Passed}, then {@code verstat=TN-Validation-Failed}. (Refusing failed
 * calls, {@code reject_failed}, is InboundIdentityCheckTest's.)
 */
class InboundIdentityIT {
    private static final String PASSWORD = "digest-secret-71";
    private static final String DID = "15550001000";
    private static final String CALLER = "15559990000";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void thePhoneSeesTheCarriersCallerWithTheVerificationResult() throws Exception {
        Instant now = Instant.now();
        StiPki.Issued ca = StiPki.rootCa("CN=Test STI-CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        StiPki.Issued sp = StiPki.serviceProvider(ca, "CN=Carrier SP", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        CertificateServer certificates = opened.add(new CertificateServer());
        URI x5u = certificates.publish("/carrier.pem", StiPki.pem(sp.certificate()), "max-age=3600");
        IdentitySigner carrierSigner = IdentitySigner.of((ECPrivateKey) sp.privateKey(), sp.certificate(), x5u);
        Path anchors = Files.writeString(dir.resolve("sti-ca.pem"), StiPki.pem(ca.certificate()));

        Server server = Server.start(NodeConfig.load(dir, opened.add(TestDatabases.sqlite()), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                stir_shaken: {trust_anchors: "%s", allow_http_x5u: true}
                extensions:
                  - {number: "1002", name: Callee, password: %s}
                """.formatted(anchors, PASSWORD)), Clock.systemUTC(), "test");
        opened.add(server::stop);
        ApiClient api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        CarrierCalls.created(api.post("/api/trunks", """
                {"name":"carrier","host":"127.0.0.2","port":5060,"register":false,"options_interval":0,
                 "inbound_addresses":["127.0.0.2"]}"""));
        CarrierCalls.created(api.post("/api/inbound-routes", """
                {"did":"%s","action":"extension","target":"1002"}""".formatted(DID)));

        int sipPort = server.sipPort();
        int phonePort = FreePorts.udpAndTcp();
        Path phoneLog = dir.resolve("phone.log");
        Sipp.scenario("register.xml").target(sipPort).localPort(phonePort).credentials("1002", PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER 1002 from SIPp");
        Sipp.Running phone = Sipp.scenario("uas_answer_logging_caller.xml").localPort(phonePort).calls(2)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp()))
                .option("-trace_logs", "-log_file", phoneLog.toString()).runLimitSeconds(40).start();
        opened.add(phone::stop);
        CarrierCalls.awaitListening(phonePort, WAIT);

        call(api, sipPort, carrierSigner.sign(Attestation.A, CALLER, DID, Instant.now()).toString());
        call(api, sipPort, carrierSigner.sign(Attestation.A, "15551112222", DID, Instant.now()).toString());
        phone.awaitResult().assertAllCallsSucceeded("1002 rang twice, answered and was hung up");

        String log = Files.readString(phoneLog);
        List<String> asserted = Pattern.compile("(?m)^PAI \\[?(.*?)]?$").matcher(log).results()
                .map(m -> m.group(1).strip()).toList();
        assertThat(asserted).as(log).hasSize(2);
        assertThat(asserted.get(0)).as("the carrier's caller, verified").contains("+" + CALLER + ";verstat=TN-Validation-Passed@");
        assertThat(asserted.get(1)).as("signed for another number than it calls from")
                .contains("+" + CALLER + ";verstat=TN-Validation-Failed@");
    }

    /** One carrier call with {@code identity}, answered by 1002 and hung up through the API. */
    private static void call(ApiClient api, int sipPort, String identity) throws Exception {
        Sipp.Running carrier = Sipp.scenario("carrier_call_did_identity.xml").target(sipPort)
                .option("-s", DID, "-i", "127.0.0.2").key("identity", identity).runLimitSeconds(30).start();
        try {
            JsonNode call = await("the carrier's call answered by 1002").atMost(WAIT)
                    .until(() -> CarrierCalls.onlyCall(api), c -> c != null && "ANSWERED".equals(c.get("state").asText()));
            assertThat(call.get("caller").asText()).as(call.toString()).isEqualTo(CALLER);
            api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));
            carrier.awaitResult().assertAllCallsSucceeded("the carrier's call answered, then hung up by the PBX");
            await("the call over").atMost(WAIT).until(() -> JSON.readTree(api.get("/api/calls").body()).isEmpty());
        } finally {
            carrier.stop();
        }
    }
}
