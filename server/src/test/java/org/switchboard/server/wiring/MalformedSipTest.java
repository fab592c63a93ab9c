package org.switchboard.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.config.ConfigLoader;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 12 item 3 on a whole node: the requests RFC 4475 §3.3 has the PBX itself refuse get the
 * answer the RFC names from the running registrar and call control, over real UDP, and faulty
 * input is counted in /metrics by a fixed set of faults.
 */
class MalformedSipTest {
    @TempDir
    static Path dir;
    private static TestDatabase database;
    private static Server server;

    @BeforeAll
    static void start() throws IOException {
        database = TestDatabases.sqlite();
        Path file = dir.resolve("switchboard.yml");
        Files.writeString(file, """
                sip: {bind: 127.0.0.1, port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: alice-password}
                """);
        SwitchboardConfig config = new ConfigLoader(Map.of(
                "SWITCHBOARD_DATABASE_URL", database.settings().url(),
                "SWITCHBOARD_DATABASE_USER", database.settings().user(),
                "SWITCHBOARD_DATABASE_PASSWORD", database.settings().password(),
                "SWITCHBOARD_DATA_DIR", dir.resolve("data").toString())).load(file, true);
        server = Server.start(config, Clock.systemUTC(), "test");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        database.close();
    }

    /** A request from 1001's phone at the test's socket, with {@code lines} (CRLF-ended) in place of the usual headers' tail. */
    private static String request(String requestLine, int port, String callId, String cseq, String lines, String body) {
        return requestLine + "\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:1001@pbx.test>;tag=f" + callId + "\r\n"
                + "To: <sip:1002@pbx.test>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + "\r\n"
                + "Contact: <sip:1001@127.0.0.1:" + port + ">\r\n"
                + lines
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\n";

    @Test
    void overlargeAndNonNumericCSeqAreAnswered400NamingCSeq() throws IOException {
        assertThat(exchange(p -> request("OPTIONS sip:pbx.test SIP/2.0", p, "cseq-abc", "abc OPTIONS", "", "")))
                .startsWith("SIP/2.0 400 Invalid CSeq");
        assertThat(exchange(p -> request("OPTIONS sip:pbx.test SIP/2.0", p, "cseq-big", "99999999999999999999999 OPTIONS",
                "", ""))).startsWith("SIP/2.0 400 CSeq out of range");
    }

    @Test
    void unknownRequestUriSchemeIsAnswered416NotOk() throws IOException {
        assertThat(exchange(p -> request("OPTIONS xyz://nowhere SIP/2.0", p, "xyz", "1 OPTIONS", "", "")))
                .startsWith("SIP/2.0 416 Unsupported URI Scheme");
    }

    @Test
    void registerWithAnAddressOfRecordThatIsNotSipIsAnswered400() throws IOException {
        assertThat(exchange(p -> request("REGISTER sip:pbx.test SIP/2.0", p, "unksm2", "1 REGISTER", "", "")
                .replace("To: <sip:1002@pbx.test>", "To: isbn:2983792873"))).startsWith("SIP/2.0 400 ");
    }

    @Test
    void registerWithCredentialsInAnUnknownSchemeIsChallenged() throws IOException {
        String answer = exchange(p -> request("REGISTER sip:pbx.test SIP/2.0", p, "regaut01", "1 REGISTER",
                "Authorization: NoOneKnowsThisScheme opaque-data=here\r\n", "").replace("sip:1002@", "sip:1001@"));
        assertThat(answer).as("RFC 4475 §3.3.7").startsWith("SIP/2.0 401 ").contains("WWW-Authenticate: Digest");
    }

    @Test
    void inviteRequiringAnExtensionWeLackIsAnswered420ListingIt() throws IOException {
        String answer = exchange(p -> request("INVITE sip:1002@pbx.test SIP/2.0", p, "bext01", "1 INVITE",
                "Require: 100rel, timer\r\nContent-Type: application/sdp\r\n", SDP));
        assertThat(answer).startsWith("SIP/2.0 420 ").contains("Unsupported: 100rel").doesNotContain("timer");
    }

    @Test
    void inviteRequiringSessionTimersGoesOnToCallControl() throws IOException {
        String answer = exchange(p -> request("INVITE sip:1002@pbx.test SIP/2.0", p, "timer", "1 INVITE",
                "Require: timer\r\nSession-Expires: 1800\r\nContent-Type: application/sdp\r\n", SDP));
        assertThat(answer).as("call control challenges the caller").startsWith("SIP/2.0 407 ");
    }

    @Test
    void inviteWithABodyOfAnUnknownTypeIsAnswered415WithAccept() throws IOException {
        String answer = exchange(p -> request("INVITE sip:1002@pbx.test SIP/2.0", p, "invut", "1 INVITE",
                "Content-Type: application/unknownformat\r\n", "<audio>\r\n <pcmu port=\"443\"/>\r\n</audio>\r\n"));
        assertThat(answer).startsWith("SIP/2.0 415 ").contains("Accept: application/sdp");
    }

    @Test
    void inviteAcceptingNoSdpIsAnswered406() throws IOException {
        String answer = exchange(p -> request("INVITE sip:1002@pbx.test SIP/2.0", p, "sdp01", "1 INVITE",
                "Accept: text/nobodyKnowsThis\r\nContent-Type: application/sdp\r\n", SDP));
        assertThat(answer).startsWith("SIP/2.0 406 ");
    }

    @Test
    void faultyInputIsCountedInMetricsByFault() throws Exception {
        exchange(p -> request("OPTIONS sip:pbx.test SIP/2.0", p, "metrics-cseq", "abc OPTIONS", "", ""));

        String metrics = metrics();
        assertThat(metrics).containsPattern(
                "switchboard_sip_malformed_input_total\\{fault=\"bad_header\",transport=\"udp\"} [1-9]");
        assertThat(metrics).contains("switchboard_sip_malformed_input_total{fault=\"unframeable_stream\",transport=\"tcp\"}");
    }

    private interface Message {
        String at(int port);
    }

    /** Sends one request over UDP from a fresh socket and returns the first final answer. */
    private static String exchange(Message message) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(5000);
            byte[] bytes = message.at(socket.getLocalPort()).getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.sipPort()));
            while (true) {
                DatagramPacket reply = new DatagramPacket(new byte[8192], 8192);
                socket.receive(reply);
                String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
                if (!text.startsWith("SIP/2.0 1")) {
                    return text;
                }
            }
        }
    }

    private static String metrics() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
