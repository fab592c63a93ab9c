package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.pbx.stirshaken.Attestation;
import org.switchboard.pbx.stirshaken.CallNumbers;
import org.switchboard.pbx.stirshaken.CertificateRepository;
import org.switchboard.pbx.stirshaken.IdentityVerifier;
import org.switchboard.pbx.stirshaken.TrustAnchors;
import org.switchboard.pbx.stirshaken.Verification;
import org.switchboard.pbx.stirshaken.Verstat;
import org.switchboard.pbx.stirshaken.testkit.CertificateServer;
import org.switchboard.pbx.stirshaken.testkit.StiPki;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.auth.AuthHeaderValue;
import org.switchboard.sip.auth.ParseResult;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A call out through trunks with real peers: SIPp extension 3001 dials {@code 9} + a number; the
 * outbound route tries trunk {@code locked} first, whose SIPp challenges with 407 a trunk that has
 * no credentials, then {@code backup}, whose SIPp answers 503, then trunk {@code carrier}, whose SIPp challenges the INVITE with 407 and rings and answers the INVITE that
 * carries Proxy-Authorization (its MD5 response recomputed here with the trunk's password). The carrier gets the number without the 9, the
 * route's caller ID in P-Asserted-Identity, and an Identity header that the project's own verifier
 * passes against the test STI-CA; RTP flows both ways through the PBX's relay; {@code GET
 * /api/dialplan/test} shows the order tried; the call's CDR names the number.
 */
class OutboundTrunkIT {
    private static final String PASSWORD = "digest-secret-31";
    private static final String CALLER_ID = "15550001000";
    private static final String NUMBER = "15550002000";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    @Test
    void aCallGoesOutThroughTheThirdTrunkAfterA407And503WithDigestIdentityAndMediaBothWays() throws Exception {
        Instant now = Instant.now();
        StiPki.Issued ca = StiPki.rootCa("CN=Test STI-CA", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        StiPki.Issued sp = StiPki.serviceProvider(ca, "CN=Switchboard SP", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)));
        CertificateServer certificates = opened.add(new CertificateServer());
        URI x5u = certificates.publish("/sp.pem", StiPki.pem(sp.certificate()), "max-age=3600");
        Path key = Files.writeString(dir.resolve("sp.key"), StiPki.sec1Pem(sp.privateKey()));
        Path certificate = Files.writeString(dir.resolve("sp.pem"), StiPki.pem(sp.certificate()));

        int lockedPort = FreePorts.udpAndTcp();
        int backupPort = FreePorts.udpAndTcp();
        int carrierPort = FreePorts.udpAndTcp();
        Path carrierLog = dir.resolve("carrier.log");
        Sipp.Running locked = Sipp.scenario("carrier_challenge_only.xml").localPort(lockedPort).runLimitSeconds(40).start();
        opened.add(locked::stop);
        Sipp.Running backup = Sipp.scenario("carrier_503.xml").localPort(backupPort).runLimitSeconds(40).start();
        opened.add(backup::stop);
        TalkingPhoneMedia carrierMedia = opened.add(TalkingPhoneMedia.talking(1000));
        Sipp.Running carrier = Sipp.scenario("carrier_challenge_then_answer.xml").localPort(carrierPort)
                .key("rtp_port", Integer.toString(carrierMedia.port()))
                .option("-trace_logs", "-log_file", carrierLog.toString()).runLimitSeconds(40).start();
        opened.add(carrier::stop);

        Server server = Server.start(NodeConfig.load(dir, opened.add(TestDatabases.sqlite()), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                stir_shaken: {private_key: "%s", certificate: "%s", x5u: "%s", own_numbers: "%s"}
                extensions:
                  - {number: "3001", name: Caller, password: %s}
                """.formatted(key, certificate, x5u, CALLER_ID, PASSWORD)), Clock.systemUTC(), "test");
        opened.add(server::stop);
        ApiClient api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        created(api.post("/api/trunks", trunk("locked", lockedPort, "")));
        created(api.post("/api/trunks", trunk("backup", backupPort, "")));
        created(api.post("/api/trunks", trunk("carrier", carrierPort,
                ",\"username\":\"trunk-user\",\"password\":\"trunk-secret-1\"")));
        created(api.post("/api/outbound-routes", """
                {"name":"external","dial":"$1","trunks":["locked","backup","carrier"],"caller_id":"%s"}""".formatted(CALLER_ID)));
        created(api.post("/api/dialplan/rules", """
                {"priority":5,"name":"outside line","pattern":"9(1[0-9]{10})","action":"outbound","target":"external"}"""));

        JsonNode plan = JSON.readTree(api.get("/api/dialplan/test?from=3001&to=9" + NUMBER).body()).get("plan");
        assertThat(plan.get("kind").asText()).as(plan.toString()).isEqualTo("outbound");
        assertThat(plan.get("details").toString()).as("the trunks in the order tried")
                .contains("number sent: " + NUMBER)
                .containsSubsequence("locked: route order", "backup: route order", "carrier: route order");

        int sipPort = server.sipPort();
        Sipp.Running caller = Sipp.scenario("uac_talk_until_hung_up.xml").target(sipPort)
                .option("-s", "9" + NUMBER, "-au", "3001", "-ap", PASSWORD, "-auth_uri", "9" + NUMBER + "@127.0.0.1:" + sipPort)
                .key("caller", "3001").runLimitSeconds(40).start();
        opened.add(caller::stop);

        JsonNode call = await("the call answered with RTP both ways through the relay").atMost(WAIT)
                .until(() -> onlyCall(api), c -> c != null && "ANSWERED".equals(c.get("state").asText())
                        && flowing(c.get("legs").get(0)) && flowing(c.get("legs").get(1)));
        assertThat(call.get("callee").asText()).isEqualTo(NUMBER);
        assertThat(carrierMedia.received()).as("caller's RTP at the carrier").isPositive();
        assertThat(carrierMedia.sent()).as("carrier's RTP back to the PBX").isPositive();
        api.delete("/api/calls/" + URLEncoder.encode(call.get("id").asText(), StandardCharsets.UTF_8));

        caller.awaitResult().assertAllCallsSucceeded("3001 calls out and is hung up by the PBX");
        carrier.awaitResult().assertAllCallsSucceeded("the carrier's 407 answered with the trunk's credentials");
        locked.awaitResult().assertAllCallsSucceeded("the first trunk, without credentials, was challenged");
        backup.awaitResult().assertAllCallsSucceeded("the second trunk answered 503");

        String log = Files.readString(carrierLog);
        assertThat(field(log, "NUMBER")).as("the number without the 9: %s", log).isEqualTo(NUMBER);
        assertThat(field(log, "PAI")).as(log).contains("sip:" + CALLER_ID + "@127.0.0.1");
        AuthHeaderValue auth = ((ParseResult.Parsed<AuthHeaderValue>) AuthHeaderValue.parse(field(log, "PROXY_AUTH"))).value();
        assertThat(auth.get("username")).contains("trunk-user");
        String ha1 = md5("trunk-user:carrier.test:trunk-secret-1");
        String ha2 = md5("INVITE:" + auth.get("uri").orElseThrow());
        assertThat(auth.get("response")).as("the 407 answered with the trunk's password (MD5 recomputed here)")
                .contains(md5(String.join(":", ha1, auth.get("nonce").orElseThrow(), auth.get("nc").orElseThrow(),
                        auth.get("cnonce").orElseThrow(), auth.get("qop").orElseThrow(), ha2)));
        assertThat(field(log, "IDENTITY")).as("a PASSporT in the Identity header: %s", log).startsWith("ey")
                .contains(";info=<" + x5u + ">").contains(";ppt=shaken");
        Verification verified = verifier(ca).verify(new CallNumbers(Optional.of(field(log, "IDENTITY")),
                Set.of(CALLER_ID), Set.of(NUMBER))).get(10, TimeUnit.SECONDS);
        assertThat(verified.verstat()).as(verified.reason()).isEqualTo(Verstat.TN_VALIDATION_PASSED);
        assertThat(verified.attest()).as("our own number from our extension").contains(Attestation.A);

        JsonNode cdr = await("the CDR").atMost(WAIT)
                .until(() -> JSON.readTree(api.get("/api/cdr").body()).get("items"), c -> c.size() == 1).get(0);
        assertThat(cdr.get("callee").asText()).as(cdr.toString()).isEqualTo(NUMBER);
        assertThat(cdr.get("disposition").asText()).as(cdr.toString()).isEqualTo("ANSWERED");
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String trunk(String name, int port, String credentials) {
        return """
                {"name":"%s","host":"127.0.0.1","port":%d,"transport":"udp","register":false,"options_interval":0%s}"""
                .formatted(name, port, credentials);
    }

    private IdentityVerifier verifier(StiPki.Issued ca) {
        IdentityVerifier verifier = new IdentityVerifier(new TrustAnchors(List.of(ca.certificate())),
                new CertificateRepository(Duration.ofSeconds(2), true, Clock.systemUTC()), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Clock.systemUTC());
        opened.add(verifier::close);
        return verifier;
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode onlyCall(ApiClient api) throws Exception {
        JsonNode calls = JSON.readTree(api.get("/api/calls").body());
        return calls.size() == 1 ? calls.get(0) : null;
    }

    private static boolean flowing(JsonNode leg) {
        JsonNode media = leg.get("media");
        return media != null && media.get("packets_received").asLong() > 10 && media.get("packets_sent").asLong() > 10;
    }

    /** The value SIPp logged as {@code NAME [value]}. */
    private static String field(String log, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + " \\[?(.*?)]?$").matcher(log);
        assertThat(m.find()).as("%s in the carrier's log:%n%s", name, log).isTrue();
        return m.group(1).strip();
    }
}
