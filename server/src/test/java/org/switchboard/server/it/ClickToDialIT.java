package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * {@code POST /api/calls} on a real node with SIPp phones (docs/click-to-dial.md): 1301's phone gets the PBX's
 * INVITE with the auto-answer headers and 1302 as the caller ID and answers; 1302 rings, answers and hangs up; the
 * call is listed under the returned id with both parties while it lasts and leaves one CDR. Requests the node cannot
 * ring answer 400 naming the field, or 409. (Media, busy targets and bridging: {@code OriginateIT} in pbx.)
 */
class ClickToDialIT {
    private static final String PASSWORD = "digest-secret-42";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    private Server server;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        TestDatabase database = opened.add(TestDatabases.sqlite());
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1301", name: Clicker, password: %1$s}
                  - {number: "1302", name: Target, password: %1$s}
                  - {number: "1303", name: No phone, password: %1$s}
                """.formatted(PASSWORD)), Clock.systemUTC(), "test");
        opened.add(server::stop);
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
    }

    @Test
    void postRingsTheExtensionThenConnectsItToTheTarget() throws Exception {
        int fromPhone = register("1301");
        int toPhone = register("1302");
        Sipp.Running from = answering(Sipp.scenario("uas_auto_answer.xml"), fromPhone);
        Sipp.Running to = answering(Sipp.scenario("uas_ring_answer_hangup.xml"), toPhone);

        HttpResponse<String> started = api.post("/api/calls", "{\"from\":\"1301\",\"to\":\"1302\",\"auto_answer\":true}");

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("id").asText();
        String path = "/api/calls/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        JsonNode call = await("the two phones connected").atMost(WAIT).until(() -> JSON.readTree(api.get(path).body()),
                c -> c.path("callee").asText().equals("1302") && c.path("legs").size() == 2
                        && c.path("state").asText().equals("ANSWERED"));
        assertThat(call.get("caller").asText()).isEqualTo("1301");
        to.awaitResult().assertAllCallsSucceeded("1302 rings, answers, hangs up");
        from.awaitResult().assertAllCallsSucceeded("1301 is asked to answer by itself, sees 1302 calling, gets the BYE");
        JsonNode cdr = await("the CDR").atMost(WAIT).until(() -> JSON.readTree(api.get("/api/cdr?extension=1301").body())
                .get("items"), items -> items.size() == 1 && items.get(0).get("status").asText().equals("complete")).get(0);
        assertThat(cdr.get("call_id").asText()).isEqualTo(id);
        assertThat(cdr.get("callee").asText()).isEqualTo("1302");
        assertThat(cdr.get("disposition").asText()).isEqualTo("ANSWERED");
        assertThat(cdr.get("hangup_cause").asText()).isEqualTo("BYE from callee");
    }

    @Test
    void whatTheNodeCannotRingIsRefusedNamingTheField() throws Exception {
        assertRefused("{\"from\":\"1399\",\"to\":\"1302\"}", 400, "from");
        assertRefused("{\"from\":\"1301\",\"to\":\"13 02\"}", 400, "to");
        assertRefused("{\"from\":\"1301\",\"to\":\"1302\",\"auto_answer\":1}", 400, "auto_answer");
        assertRefused("{\"from\":\"1303\",\"to\":\"1302\"}", 409, "from");
    }

    private void assertRefused(String body, int status, String field) throws Exception {
        HttpResponse<String> r = api.post("/api/calls", body);
        assertThat(r.statusCode()).as("%s: %s", body, r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).at("/error/field").asText()).as(r.body()).isEqualTo(field);
    }

    private int register(String extension) throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials(extension, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + extension + " from SIPp");
        return port;
    }

    /** Starts a phone's SIPp on the port it registered from, answering PCMU, once it listens there. */
    private static Sipp.Running answering(Sipp sipp, int port) throws IOException {
        Sipp.Running running = sipp.localPort(port).key("rtp_port", Integer.toString(FreePorts.udpAndTcp()))
                .key("codec", "0").runLimitSeconds(30).start();
        await().atMost(WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
        return running;
    }
}
