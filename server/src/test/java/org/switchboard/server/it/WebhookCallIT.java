package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.pbx.webhook.WebhookSignature;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.Teardown;

/**
 * A real call through a real node produces signed webhooks at a real receiver: SIPp 2001 calls
 * SIPp 2002 through the B2BUA, the callee answers, an admin hangs up through the API, and an HTTP
 * server started by the test receives call.started, call.answered and call.ended, each naming
 * both parties and signed with the subscription's secret; the delivery log lists them with 200.
 * And a message a SIPp caller leaves in the box of an extension without a phone arrives as
 * voicemail.left.
 */
class WebhookCallIT {
    private static final String PASSWORD = "digest-secret-42";
    private static final String SECRET = "receiver-shared-secret-77";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as the receiver got it. */
    private record Received(String signature, String body) {}

    @TempDir
    Path dir;

    @AutoClose
    private final Teardown opened = new Teardown();

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private Server server;
    private ApiClient api;

    /** Starts the receiver and a node with extensions 2001-2003, and subscribes the receiver to {@code events}. */
    private long startWith(String events) throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/switchboard", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        opened.add(() -> receiver.stop(0));
        TestNode node = opened.add(TestNode.startWithYaml(dir, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "2001", name: Caller, password: %1$s}
                  - {number: "2002", name: Callee, password: %1$s}
                  - {number: "2003", name: Away, password: %1$s}
                """.formatted(PASSWORD)));
        server = node.server();
        api = node.api();
        HttpResponse<String> subscribed = api.post("/api/webhooks", """
                {"url":"http://127.0.0.1:%d/switchboard","secret":"%s","events":[%s]}"""
                .formatted(receiver.getAddress().getPort(), SECRET, events));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        return JSON.readTree(subscribed.body()).get("id").asLong();
    }

    @Test
    void aSippCallIsAnnouncedStartedAnsweredAndEndedToTheReceiver() throws Exception {
        long webhook = startWith("\"call.started\",\"call.answered\",\"call.ended\"");

        int sipPort = server.sipPort();
        int calleePort = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(sipPort).localPort(calleePort).credentials("2002", PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER 2002 from SIPp");
        Sipp.Running callee = Sipp.scenario("uas_answer_until_bye.xml").localPort(calleePort)
                .key("rtp_port", Integer.toString(FreePorts.udpAndTcp())).runLimitSeconds(60).start();
        awaitListening(calleePort);
        Sipp.Running caller = Sipp.scenario("uac_until_hung_up.xml").target(sipPort)
                .option("-s", "2002", "-au", "2001", "-ap", PASSWORD, "-auth_uri", "2002@127.0.0.1:" + sipPort)
                .key("caller", "2001").runLimitSeconds(60).start();

        await("call.answered at the receiver").atMost(WAIT).until(() -> events(received).contains("call.answered"));
        JsonNode calls = JSON.readTree(api.get("/api/calls").body());
        assertThat(calls).as("one call in progress: %s", calls).hasSize(1);
        String callId = calls.get(0).get("id").asText();
        HttpResponse<String> hungUp = api.delete("/api/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8));
        assertThat(hungUp.statusCode()).as(hungUp.body()).isIn(200, 202, 204);
        caller.awaitResult().assertAllCallsSucceeded("2001 is hung up by the PBX");
        callee.awaitResult().assertAllCallsSucceeded("2002 is hung up by the PBX");

        await("call.ended at the receiver").atMost(WAIT).until(() -> events(received).contains("call.ended"));
        assertThat(events(received)).containsExactlyInAnyOrder("call.started", "call.answered", "call.ended");
        for (Received r : received) {
            assertThat(WebhookSignature.verify(SECRET, r.signature(), r.body())).as("signed: %s", r.signature()).isTrue();
            JsonNode data = JSON.readTree(r.body()).get("data");
            assertThat(data.get("caller").asText()).as(r.body()).isEqualTo("2001");
            assertThat(data.get("callee").asText()).as(r.body()).isEqualTo("2002");
            assertThat(data.get("call_id").asText()).as(r.body()).isNotEmpty();
        }
        JsonNode ended = received.stream().map(r -> readTree(r.body()))
                .filter(b -> b.get("event").asText().equals("call.ended")).findFirst().orElseThrow();
        assertThat(ended.at("/data/disposition").asText()).isEqualTo("ANSWERED");
        assertThat(ended.get("id").asText()).isNotEmpty();
        assertThat(ended.get("at").asText()).isNotEmpty();
        JsonNode log = JSON.readTree(api.get("/api/webhooks/" + webhook + "/deliveries").body());
        assertThat(log).as("the delivery log: %s", log).hasSize(3);
        for (JsonNode attempt : log) {
            assertThat(attempt.get("state").asText()).isEqualTo("delivered");
            assertThat(attempt.get("status_code").asInt()).isEqualTo(200);
            assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
        }
    }

    @Test
    void aMessageLeftBySippInTheBoxOfAnExtensionWithoutAPhoneReachesTheReceiver() throws Exception {
        startWith("\"voicemail.left\"");
        Duration greeting = Stream.of(SystemPrompts.get("extension"), SystemPrompts.digits("2003"),
                SystemPrompts.get("not-available"), SystemPrompts.get("leave-message"))
                .map(AudioClip::duration).reduce(Duration.ZERO, Duration::plus);
        int port = server.sipPort();

        try (TalkingPhoneMedia phone = TalkingPhoneMedia.talking(1000)) {
            Sipp.scenario("uac_voicemail_talk.xml").target(port)
                    .option("-s", "2003", "-au", "2001", "-ap", PASSWORD, "-auth_uri", "2003@127.0.0.1:" + port)
                    .key("caller", "2001").key("caller_name", "Carol Caller").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(phone.port()))
                    .option("-d", Long.toString(greeting.plus(Duration.ofMillis(300)).plusSeconds(2).toMillis())).run()
                    .assertAllCallsSucceeded("2001 calls 2003, which has no phone, and talks after the beep");
        }

        await("voicemail.left at the receiver").atMost(WAIT).until(() -> events(received).contains("voicemail.left"));
        Received left = received.stream().filter(r -> readTree(r.body()).get("event").asText().equals("voicemail.left"))
                .findFirst().orElseThrow();
        assertThat(WebhookSignature.verify(SECRET, left.signature(), left.body())).as("signed: %s", left.signature()).isTrue();
        JsonNode data = readTree(left.body()).get("data");
        assertThat(data.get("box").asText()).as(left.body()).isEqualTo("2003");
        assertThat(data.get("caller_number").asText()).as(left.body()).isEqualTo("2001");
        assertThat(data.get("message_id").asLong()).as(left.body()).isPositive();
        assertThat(data.get("duration_seconds").asLong()).as(left.body()).isBetween(1L, 3L);
    }

    private static List<String> events(List<Received> received) {
        return received.stream().map(r -> readTree(r.body()).get("event").asText()).toList();
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** SIPp binds its port a moment after starting; a call sent before would be refused. */
    private static void awaitListening(int port) {
        await().atMost(WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
