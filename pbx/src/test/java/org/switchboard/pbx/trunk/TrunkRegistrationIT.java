package org.switchboard.pbx.trunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.pbx.trunk.TrunkState.Health;
import org.switchboard.pbx.trunk.TrunkState.Registration;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Trunks against a real carrier: SIPp plays the carrier's registrar and OPTIONS responder on
 * 127.0.0.1. Proves the REGISTER with MD5 digest (checked by SIPp's own digest code), the refresh
 * before the granted lifetime ends, the re-registration after a change and the un-REGISTER on
 * delete; the SHA-256 answer (recomputed here from what SIPp logged); a 403 shown as failed with
 * its reason; and OPTIONS marking the trunk down when the carrier stops and up when it is back.
 */
class TrunkRegistrationIT {
    private static final TrunkTimings FAST = new TrunkTimings(0.85, Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMillis(500), Duration.ofSeconds(3));

    private CarrierHarness node;

    @BeforeEach
    void start() {
        node = new CarrierHarness(FAST);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void registersWithMd5DigestRefreshesReRegistersAfterAChangeAndUnregistersOnDelete() throws Exception {
        int port = FreePorts.udpAndTcp();
        // Two registrations (two Call-IDs): the trunk's first line, then the one after the update.
        Sipp.Running carrier = Sipp.scenario("carrier_register_md5.xml").localPort(port).calls(2).runLimitSeconds(40)
                .start();
        try {
            node.trunks.create(CarrierHarness.trunk("carrier", port, true, 0, 3), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("carrier").registration() == Registration.REGISTERED);
            TrunkState first = node.state("carrier");
            assertThat(first.registeredUntil()).as("the 2 s the carrier granted, not the hour asked for").hasValueSatisfying(
                    until -> assertThat(until).isBefore(java.time.Instant.now().plusSeconds(3)));
            // Refreshed before the 2 s run out, again and again: the binding's end moves on.
            await().atMost(Duration.ofSeconds(6)).until(() -> node.state("carrier").registeredUntil()
                    .map(u -> u.isAfter(first.registeredUntil().get().plusSeconds(2))).orElse(false));
            assertThat(node.state("carrier").registration()).isEqualTo(Registration.REGISTERED);

            TrunkInput changed = CarrierHarness.trunk("carrier", port, true, 0, 3);
            node.trunks.update("carrier", new TrunkInput(changed.name(), changed.host(), changed.port(),
                    changed.transport(), changed.outboundProxy(), changed.username(), Optional.empty(), true, 1800,
                    0, 3, changed.codecs(), 5, changed.callerIdRules(), changed.inboundAddresses(), true), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("carrier").registration() == Registration.REGISTERED);

            node.trunks.delete("carrier", "test");
            carrier.awaitResult().assertAllCallsSucceeded(
                    "401 MD5 challenge answered, refreshes with valid digests, un-REGISTER; twice (before and after the update)");
        } finally {
            carrier.stop();
        }
    }

    @Test
    void answersASha256ChallengeWithTheRightDigest() throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.Running carrier = Sipp.scenario("carrier_register_sha256.xml").localPort(port).runLimitSeconds(30)
                .option("-trace_logs").start();
        try {
            node.trunks.create(CarrierHarness.trunk("sha", port, true, 0, 3), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("sha").registration() == Registration.REGISTERED);
            node.trunks.delete("sha", "test");
            carrier.awaitResult().assertAllCallsSucceeded("SHA-256 challenge, 200, un-REGISTER");
        } finally {
            carrier.stop();
        }
        Map<String, String> auth = authorization(carrier.work());
        assertThat(auth).containsEntry("username", CarrierHarness.USER).containsEntry("realm", "carrier.test")
                .containsEntry("algorithm", "SHA-256").containsEntry("qop", "auth").containsEntry("nc", "00000001");
        String ha1 = sha256(CarrierHarness.USER + ":carrier.test:" + CarrierHarness.PASSWORD);
        String ha2 = sha256("REGISTER:" + auth.get("uri"));
        String expected = sha256(ha1 + ":" + auth.get("nonce") + ":" + auth.get("nc") + ":" + auth.get("cnonce")
                + ":auth:" + ha2);
        assertThat(auth.get("uri")).isEqualTo("sip:127.0.0.1:" + port);
        assertThat(auth.get("response")).as("RFC 7616 SHA-256 response recomputed from the logged header")
                .isEqualTo(expected);
    }

    @Test
    void aRefusedRegistrationIsFailedWithTheCarriersReason() throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.Running carrier = Sipp.scenario("carrier_register_forbidden.xml").localPort(port).runLimitSeconds(20)
                .start();
        try {
            node.trunks.create(CarrierHarness.trunk("refused", port, true, 0, 3), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("refused").registration() == Registration.FAILED);
            assertThat(node.state("refused").lastError()).contains("403 Forbidden");
            carrier.awaitResult().assertAllCallsSucceeded("REGISTER refused with 403");
        } finally {
            carrier.stop();
        }
    }

    @Test
    void optionsProbesMarkTheTrunkDownWhenTheCarrierStopsAndUpWhenItIsBack() throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.Running carrier = optionsResponder(port);
        try {
            node.trunks.create(CarrierHarness.trunk("probed", port, false, 1, 2), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("probed").status() == Health.UP);
            assertThat(node.state("probed").registration()).as("a trunk that does not register").isEqualTo(Registration.UNREGISTERED);

            carrier.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("probed").status() == Health.DOWN);
            assertThat(node.state("probed").lastError()).contains("no answer to 2 OPTIONS in a row");

            carrier = optionsResponder(port);
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("probed").status() == Health.UP);
        } finally {
            carrier.stop();
        }
    }

    @Test
    void aFailedRegistrationIsRetriedAfterTheBackOff() throws Exception {
        node.close();
        node = new CarrierHarness(new TrunkTimings(0.85, Duration.ofSeconds(1), Duration.ofSeconds(8),
                Duration.ofMillis(500), Duration.ofSeconds(3)));
        int port = FreePorts.udpAndTcp();
        Sipp.Running carrier = Sipp.scenario("carrier_register_unavailable_then_ok.xml").localPort(port)
                .runLimitSeconds(30).start();
        try {
            node.trunks.create(CarrierHarness.trunk("flaky", port, true, 0, 3), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("flaky").registration() == Registration.FAILED);
            assertThat(node.state("flaky").lastError()).contains("503 Service Unavailable");
            long failedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("flaky").registration() == Registration.REGISTERED);
            assertThat(Duration.ofNanos(System.nanoTime() - failedAt)).as("retried after the 1 s back-off, not at once")
                    .isGreaterThan(Duration.ofMillis(700));
            assertThat(node.state("flaky").lastError()).as("a registered trunk has no error to show").isEmpty();
            node.trunks.delete("flaky", "test");
            carrier.awaitResult().assertAllCallsSucceeded("503, retry on the same Call-ID with the next CSeq, 200, un-REGISTER");
        } finally {
            carrier.stop();
        }
    }

    @Test
    void registersOverTcp() throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.Running carrier = Sipp.scenario("carrier_register_sha256.xml").localPort(port).transport("t1")
                .runLimitSeconds(30).start();
        try {
            TrunkInput t = CarrierHarness.trunk("tcp", port, true, 0, 3);
            node.trunks.create(new TrunkInput(t.name(), t.host(), t.port(), "tcp", t.outboundProxy(), t.username(),
                    t.password(), true, 3600, 0, 3, t.codecs(), 0, t.callerIdRules(), t.inboundAddresses(), true), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("tcp").registration() == Registration.REGISTERED);
            node.trunks.delete("tcp", "test");
            carrier.awaitResult().assertAllCallsSucceeded("REGISTER over TCP: challenge, 200, un-REGISTER");
        } finally {
            carrier.stop();
        }
    }

    @Test
    void throughAnOutboundProxyTheRegisterNamesTheCarrierAndRoutesViaTheProxy() throws Exception {
        int proxy = FreePorts.udpAndTcp();
        Sipp.Running carrier = Sipp.scenario("carrier_register_via_proxy.xml").localPort(proxy).runLimitSeconds(30).start();
        try {
            // The carrier's own name is never looked up: everything goes to the proxy.
            TrunkInput t = CarrierHarness.trunk("proxied", 5060, true, 0, 3);
            node.trunks.create(new TrunkInput(t.name(), "carrier.example", OptionalInt.empty(), "udp",
                    Optional.of("127.0.0.1:" + proxy), t.username(), t.password(), true, 3600, 0, 3, t.codecs(), 0,
                    t.callerIdRules(), t.inboundAddresses(), true), "test");
            await().atMost(Duration.ofSeconds(10)).until(() -> node.state("proxied").registration() == Registration.REGISTERED);
            node.trunks.delete("proxied", "test");
            carrier.awaitResult().assertAllCallsSucceeded("REGISTER sip:carrier.example with Route to the proxy, un-REGISTER");
        } finally {
            carrier.stop();
        }
    }

    @Test
    void aDisabledTrunkNeitherRegistersNorProbes() {
        TrunkInput t = CarrierHarness.trunk("off", FreePorts.udpAndTcp(), true, 1, 2);
        node.trunks.create(new TrunkInput(t.name(), t.host(), t.port(), t.transport(), t.outboundProxy(), t.username(),
                t.password(), true, 3600, 1, 2, t.codecs(), 0, t.callerIdRules(), t.inboundAddresses(), false), "test");
        assertThat(node.state("off")).isEqualTo(TrunkState.DISABLED);
    }

    private static Sipp.Running optionsResponder(int port) throws Exception {
        return Sipp.scenario("carrier_options.xml").localPort(port).calls(10_000).runLimitSeconds(60).start();
    }

    /** The parameters of the Authorization header SIPp logged. */
    private static Map<String, String> authorization(Path work) throws Exception {
        String logged;
        try (Stream<Path> files = Files.list(work)) {
            Path log = files.filter(f -> f.getFileName().toString().endsWith("_logs.log")).findFirst()
                    .orElseThrow(() -> new AssertionError("SIPp wrote no log file in " + work));
            logged = Files.readString(log, StandardCharsets.ISO_8859_1);
        }
        int at = logged.indexOf("AUTH Digest ");
        assertThat(at).as("SIPp logged the Authorization header: %s", logged).isNotNegative();
        String header = logged.substring(at + "AUTH Digest ".length()).lines().findFirst().orElseThrow();
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([a-z]+)=(\"([^\"]*)\"|[^,\\s]+)").matcher(header);
        while (m.find()) {
            params.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
        }
        return params;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
