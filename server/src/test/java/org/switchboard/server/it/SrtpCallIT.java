package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 17, SDES-SRTP through the relay with real phones: a baresip phone that insists on SRTP
 * ({@code mediaenc=srtp-mand}, RTP/SAVP) and a plain-RTP baresip phone talk through the PBX, which
 * decrypts one leg and encrypts the other: each recording holds the other's tone, and the node's call
 * view shows which leg was SRTP while the call was up. The SRTP phone registers over TLS (so it is also
 * called over TLS), the plain one over UDP. Both directions: the SRTP phone calling on the default
 * policy, and called under {@code media_encryption: require} (the PBX then offers RTP/SAVP).
 */
class SrtpCallIT {
    private static final String PASSWORD_1001 = "srtp-caller-1001";
    private static final String PASSWORD_1002 = "srtp-callee-1002";
    private static final Duration REGISTRATION = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Server server;
    private static ApiClient api;

    private final List<Baresip> phones = new ArrayList<>();
    private final List<String> legsSeen = new ArrayList<>();

    @BeforeAll
    static void startNode() throws Exception {
        database = TestDatabases.sqlite();
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 29600, port_max: 29639}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: %s}
                  - {number: "1002", name: Bob, password: %s}
                """.formatted(PASSWORD_1001, PASSWORD_1002)), Clock.systemUTC(), "test");
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
    }

    @AfterAll
    static void stopNode() {
        if (server != null) {
            server.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void stopPhones() {
        phones.forEach(Baresip::close);
    }

    @Test
    void anSrtpPhoneOverTlsCallsAPlainPhoneOverUdpAndEachHearsTheOther() throws Exception {
        Path work = Baresip.newFolder("srtp-out-");
        Baresip callee = phone(work, "1002", PASSWORD_1002, "", true, ToneCall.calleeTone(work));
        Baresip caller = phone(work, "1001", PASSWORD_1001, "srtp-mand", false, ToneCall.callerTone(work));
        ToneCall call = new ToneCall(caller, callee, this::legs);

        call.talk("sip:1002@127.0.0.1:" + server.sipTlsPort() + ";transport=tls");

        call.assertEachHeardTheOther();
        assertThat(legsSeen).as("the call's legs while it was up").anySatisfy(legs -> assertThat(legs)
                .contains("caller:srtp=true:rejected=0").contains("callee:srtp=false")
                .contains("Audio flows both ways."));
    }

    @Test
    void aPlainPhoneCallsAnExtensionThatRequiresSrtpAndIsCalledOverTls() throws Exception {
        put("/api/extensions/1002/call-settings", "{\"media_encryption\":\"require\"}");
        try {
            Path work = Baresip.newFolder("srtp-in-");
            Baresip callee = phone(work, "1002", PASSWORD_1002, "srtp-mand", true, ToneCall.calleeTone(work));
            Baresip caller = phone(work, "1001", PASSWORD_1001, "", false, ToneCall.callerTone(work));
            ToneCall call = new ToneCall(caller, callee, this::legs);

            call.talk("sip:1002@127.0.0.1:" + server.sipPort());

            call.assertEachHeardTheOther();
            assertThat(legsSeen).anySatisfy(legs -> assertThat(legs)
                    .contains("caller:srtp=false").contains("callee:srtp=true:rejected=0"));
        } finally {
            put("/api/extensions/1002/call-settings", "{\"media_encryption\":\"offer\"}");
        }
    }

    private Baresip phone(Path work, String extension, String password, String mediaenc, boolean answers, Path tone)
            throws IOException {
        // The SRTP phone signals over TLS (its keys travel in the SDP), the plain one over UDP.
        Baresip.Account account = (mediaenc.isEmpty()
                ? Baresip.Account.registeredAt(server.sipPort(), extension, password)
                : Baresip.Account.registeredOverTlsAt(server.sipTlsPort(), extension, password))
                .offering("PCMU/8000/1").encrypting(mediaenc);
        Baresip phone = Baresip.start(work.resolve(extension), answers ? account.answeringAutomatically() : account, tone);
        phones.add(phone);
        phone.awaitRegistered(REGISTRATION);
        await("registration of " + extension).atMost(REGISTRATION).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/registrations?extension=" + extension).size() > 0);
        return phone;
    }

    /**
     * The legs of the calls in progress as {@code role:srtp=..:rejected=..} and the node's media
     * verdict of each call (GET /api/calls/{id}/media), remembered for the assertions.
     */
    private String legs() {
        StringBuilder out = new StringBuilder();
        for (JsonNode c : get("/api/calls")) {
            out.append(get("/api/calls/" + c.path("id").asText() + "/media").path("verdict").asText()).append(' ');
            for (JsonNode leg : c.path("legs")) {
                JsonNode media = leg.path("media");
                out.append(leg.path("role").asText()).append(":srtp=").append(media.path("srtp").asBoolean())
                        .append(":rejected=").append(media.path("srtp_rejected").asLong()).append(' ');
            }
        }
        legsSeen.add(out.toString());
        return out.toString();
    }

    private static void put(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = api.put(path, body);
        assertThat(response.statusCode()).as("PUT " + path + ": " + response.body()).isEqualTo(200);
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
