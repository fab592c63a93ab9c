package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

/**
 * Issue 16, queue callback with real SIPp phones on a whole node: caller 1001 dials 605 (queue
 * {@code cb}, whose only agent 2001 is logged out), presses 1 by SIP INFO and is hung up by the PBX
 * once its request is stored; the agent logs in; the PBX rings the agent's phone, which answers, then
 * the caller's phone, which answers; RTP sent by each phone's socket reaches the other through the
 * PBX. One node (SQLite).
 */
class QueueCallbackIT {
    private static final String PASSWORD = "callback-it-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path dir;

    private static TestNode node;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 31700, port_max: 31799}
                extensions:
                  - {number: "1001", name: Caller, password: %1$s}
                  - {number: "2001", name: Agent, password: %1$s}
                """.formatted(PASSWORD));
        server = node.server();
        api = node.api();
        created(api.post("/api/queues", """
                {"name":"cb","strategy":"linear","members":["2001"],"ring_seconds":10,"callback":{"digit":"1"}}"""));
        created(api.post("/api/dialplan/rules", """
                {"priority":35,"name":"callback queue","pattern":"605","action":"queue","target":"cb"}"""));
        assertThat(api.put("/api/queue-agents/2001", "{\"logged_in\":false}").statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aCallerWhoPressesOneIsCalledBackThroughTheAgentOnceTheAgentLogsIn() throws Exception {
        try (DatagramSocket agentMedia = media(); DatagramSocket callerMedia = media()) {
            Sipp.Running agentPhone = answering("2001", agentMedia);
            Sipp.Running callerPhone = answering("1001", callerMedia);
            try {
                Sipp.scenario("uac_info_key_until_hung_up.xml").target(server.sipPort()).runLimitSeconds(30)
                        .option("-s", "605", "-au", "1001", "-ap", PASSWORD, "-auth_uri", "605@127.0.0.1:" + server.sipPort())
                        .key("caller", "1001").key("digit1", "1").run()
                        .assertAllCallsSucceeded("1001 waits in cb, presses 1 by SIP INFO and is hung up by the PBX");

                JsonNode requests = JSON.readTree(api.get("/api/queues/cb/callbacks").body());
                assertThat(requests).as("stored before the caller was released: %s", requests).hasSize(1);
                assertThat(requests.at("/0/number").asText()).isEqualTo("1001");
                assertThat(requests.at("/0/state").asText()).isEqualTo("waiting");
                JsonNode stats = JSON.readTree(api.get("/api/queues/cb/stats").body());
                assertThat(stats.get("callbacks").asInt()).as("stats %s", stats).isEqualTo(1);
                assertThat(stats.get("callbacks_waiting").asInt()).isEqualTo(1);
                assertThat(stats.get("waiting").asInt()).as("nobody on the line").isZero();
                assertThat(stats.get("abandoned").asInt()).isZero();

                assertThat(api.put("/api/queue-agents/2001", "{\"logged_in\":true}").statusCode()).isEqualTo(200);

                JsonNode call = await().atMost(WAIT).until(QueueCallbackIT::bridgedCall, c -> c != null);
                InetSocketAddress agentRelay = relayOf(call, agentMedia);
                InetSocketAddress callerRelay = relayOf(call, callerMedia);
                send(agentMedia, agentRelay, (byte) 0x11);
                assertThat(receives(callerMedia, (byte) 0x11)).as("the agent's RTP reaches the caller").isTrue();
                send(callerMedia, callerRelay, (byte) 0x22);
                assertThat(receives(agentMedia, (byte) 0x22)).as("the caller's RTP reaches the agent").isTrue();

                assertThat(api.delete("/api/calls/" + call.get("id").asText()).statusCode()).isBetween(200, 299);
                agentPhone.awaitResult().assertAllCallsSucceeded("2001 is rung first, answers and gets BYE");
                callerPhone.awaitResult().assertAllCallsSucceeded("1001 is rung once 2001 answered, answers and gets BYE");
            } finally {
                agentPhone.stop();
                callerPhone.stop();
            }
        }

        JsonNode done = JSON.readTree(api.get("/api/queues/cb/callbacks").body());
        assertThat(done.at("/0/state").asText()).as("requests %s", done).isEqualTo("done");
        JsonNode stats = await().atMost(WAIT).until(() -> JSON.readTree(api.get("/api/queues/cb/stats").body()),
                s -> s.get("callbacks_waiting").asInt() == 0 && s.get("answered").asInt() == 1);
        assertThat(stats.at("/agents/0/answered").asInt()).as("stats %s", stats).isEqualTo(1);
    }

    /** The one call with two answered legs (agent and caller), or null. */
    private static JsonNode bridgedCall() throws IOException, InterruptedException {
        for (JsonNode call : JSON.readTree(api.get("/api/calls").body())) {
            JsonNode legs = call.get("legs");
            if (legs != null && legs.size() == 2 && legs.findValues("media").stream().allMatch(m -> !m.isNull())) {
                return call;
            }
        }
        return null;
    }

    /** The PBX relay port serving the leg whose phone sends and receives its RTP on {@code phone}. */
    private static InetSocketAddress relayOf(JsonNode call, DatagramSocket phone) {
        for (JsonNode leg : call.get("legs")) {
            JsonNode media = leg.get("media");
            if (media.get("remote_rtp_address").asText().endsWith(":" + phone.getLocalPort())) {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), media.get("local_rtp_port").asInt());
            }
        }
        throw new AssertionError("no leg for RTP port " + phone.getLocalPort() + " in " + call);
    }

    /** Twenty-five PCMU packets whose payload is {@code marker} throughout, 20 ms apart. */
    private static void send(DatagramSocket from, InetSocketAddress to, byte marker) throws Exception {
        byte[] payload = new byte[160];
        Arrays.fill(payload, marker);
        for (int seq = 0; seq < 25; seq++) {
            ByteBuffer packet = ByteBuffer.allocate(12 + payload.length);
            packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(0x51ab0000 + marker).put(payload);
            from.send(new DatagramPacket(packet.array(), packet.capacity(), to));
            Thread.sleep(20);
        }
    }

    /** Whether {@code socket} receives, within a few seconds, a packet whose payload is {@code marker} throughout. */
    private static boolean receives(DatagramSocket socket, byte marker) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        byte[] buffer = new byte[2048];
        while (System.nanoTime() < deadline) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            boolean marked = packet.getLength() > 12;
            for (int i = 12; i < packet.getLength() && marked; i++) {
                marked = buffer[i] == marker;
            }
            if (marked) {
                return true;
            }
        }
        return false;
    }

    private static DatagramSocket media() throws IOException {
        DatagramSocket socket = new DatagramSocket(FreePorts.udpAndTcp(), InetAddress.getLoopbackAddress());
        socket.setSoTimeout(200);
        return socket;
    }

    /** {@code extension} registers from SIPp, whose phone then answers one call with PCMU on {@code media}'s port. */
    private static Sipp.Running answering(String extension, DatagramSocket media) throws Exception {
        int port = FreePorts.udpAndTcp();
        Sipp.scenario("register.xml").target(server.sipPort()).localPort(port).credentials(extension, PASSWORD)
                .runLimitSeconds(15).key("expires", "300").key("ua", "SIPp").key("mac", "-")
                .run().assertAllCallsSucceeded("REGISTER " + extension + " from SIPp");
        Sipp.Running phone = Sipp.scenario("uas_answer_until_bye.xml").localPort(port)
                .key("rtp_port", Integer.toString(media.getLocalPort())).runLimitSeconds(60).start();
        await().atMost(WAIT).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
        return phone;
    }

    private static void created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("set-up: %s", r.body()).isEqualTo(201);
    }
}
