package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.server.wiring.Server;

/**
 * Issue 6, proof with real peers: on a whole node with the default configuration (issue 12 item 2),
 * two baresip 1.0 phones register as 1001 and 1002,
 * 1001 calls 1002 (which answers automatically) and each plays its own tone; each phone's recording
 * of the call must hold the other's tone (audio both ways through the PBX's relay) and the CDR says
 * ANSWERED with the codec. Once per G.711 law, chosen by the one codec both phones offer.
 * One node for the class (SQLite), one test thread.
 */
class TwoPartyCallAudioIT {
    private static final String PASSWORD_1001 = "alice-audio-1001";
    private static final String PASSWORD_1002 = "bob-audio-1002";
    private static final Duration REGISTRATION = Duration.ofSeconds(10);
    // the CDR writer writes behind, at most 200 ms late (docs/calls.md)
    private static final Duration CDR_WRITTEN = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static ApiClient api;

    private Baresip caller;
    private Baresip callee;

    @BeforeAll
    static void startNode() throws Exception {
        // A small RTP range of its own, below the kernel's ephemeral ports, which the phones' SIP and RTP use.
        // Digest settings are the defaults: baresip 1.0 gives up on a response that also offers SHA-256,
        // and the default User-Agent rule for it is what lets it register and call (docs/configuration.md).
        node = TestNode.start(dir, """
                rtp: {port_min: 29400, port_max: 29439}
                extensions:
                  - {number: "1001", name: Alice, password: %s}
                  - {number: "1002", name: Bob, password: %s}
                """.formatted(PASSWORD_1001, PASSWORD_1002));
        server = node.server();
        api = node.api();
    }

    @AfterEach
    void stopPhones() {
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PCMU", "PCMA"})
    void registeredExtensionsHearEachOtherThroughThePbxAndTheCallIsRecordedAnswered(String codec) throws Exception {
        Path work = Baresip.newFolder("call-" + codec + "-");
        callee = Baresip.start(work.resolve("1002"), Baresip.Account.registeredAt(server.sipPort(), "1002", PASSWORD_1002)
                .answeringAutomatically().offering(codec + "/8000/1"), ToneCall.calleeTone(work));
        caller = Baresip.start(work.resolve("1001"), Baresip.Account.registeredAt(server.sipPort(), "1001", PASSWORD_1001)
                .offering(codec + "/8000/1"), ToneCall.callerTone(work));
        awaitRegistered("1002", callee);
        awaitRegistered("1001", caller);
        ToneCall call = new ToneCall(caller, callee, TwoPartyCallAudioIT::activeCalls);

        call.talk("sip:1002@127.0.0.1:" + server.sipPort());

        call.assertEachHeardTheOther();
        String callId = caller.callIdOfFirstInvite();
        JsonNode cdr = awaitCdr(callId);
        assertThat(cdr.path("disposition").asText()).as("CDR of call " + callId + ": " + cdr).isEqualTo("ANSWERED");
        assertThat(cdr.path("codec").asText()).as("CDR of call " + callId + ": " + cdr).isEqualTo(codec);
        assertThat(cdr.path("caller").asText()).as("CDR of call " + callId + ": " + cdr).isEqualTo("1001");
        assertThat(cdr.path("callee").asText()).as("CDR of call " + callId + ": " + cdr).isEqualTo("1002");
        assertCleanQualityStored(callId);
    }

    /**
     * The call's quality, stored when it ended (docs/call-quality.md): both legs measured, loopback
     * loses nothing, baresip reports in RTCP, so the estimated MOS is the clean-line one.
     */
    private static void assertCleanQualityStored(String callId) {
        JsonNode legs = await("GET /api/cdr/" + callId + "/quality").atMost(CDR_WRITTEN).pollInterval(Duration.ofMillis(100))
                .until(() -> quality(callId), l -> l.size() == 2);
        for (JsonNode leg : legs) {
            assertThat(leg.path("packets_received").asLong()).as("quality: " + legs).isGreaterThan(50);
            assertThat(leg.path("packets_lost").asLong()).as("quality: " + legs).isZero();
            assertThat(leg.path("mos").asDouble()).as("quality: " + legs).isGreaterThan(4.0);
        }
    }

    private static JsonNode quality(String callId) throws IOException, InterruptedException {
        HttpResponse<String> response = api.get("/api/cdr/" + callId + "/quality");
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("legs") : JSON.createArrayNode();
    }

    /** Waits until the phone says it registered and the node lists a live binding of {@code extension}. */
    private static void awaitRegistered(String extension, Baresip phone) {
        phone.awaitRegistered(REGISTRATION);
        await("GET /api/registrations?extension=" + extension + " lists the binding of " + phone.logFile())
                .atMost(REGISTRATION).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/registrations?extension=" + extension).size() > 0);
    }

    /** The CDR of call {@code callId}, once the write-behind writer has stored it. */
    private static JsonNode awaitCdr(String callId) {
        return await("CDR of call " + callId + " in GET /api/cdr?extension=1001").atMost(CDR_WRITTEN)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> findCdr(callId), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<JsonNode> findCdr(String callId) {
        JsonNode items = get("/api/cdr?extension=1001&limit=500").path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> item.path("call_id").asText().equals(callId))
                // The row exists from the answer on; the test wants the ended call's.
                .filter(item -> !item.path("status").asText().equals("open"))
                .findFirst();
    }

    /** What the node says about its calls in progress (legs, relay ports and packet counters), for failure messages. */
    private static String activeCalls() {
        try {
            HttpResponse<String> calls = api.get("/api/calls");
            return "GET /api/calls -> " + calls.statusCode() + " " + calls.body();
        } catch (IOException e) {
            return "GET /api/calls failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "GET /api/calls interrupted";
        }
    }

    private static JsonNode get(String path) {
        try {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted during GET " + path, e);
        }
    }
}
