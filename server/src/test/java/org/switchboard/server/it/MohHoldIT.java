package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.server.wiring.Server;

/**
 * Issue 14 on a whole node with real phones: the class uploaded over the REST API and chosen in 1001's
 * call settings is what the node plays when baresip 1001 holds baresip 1002 ({@code /hold}, a
 * {@code sendonly} re-INVITE): 1002 gets a new RTP stream from the node while held (its log reports the
 * SSRC change) and its caller's own stream back after {@code /resume}, and the node counts the hold
 * for that class. What 1002 hears is checked by frequency in {@code MohHoldMusicIT} with SIPp: baresip
 * 1.0 stops its decode recording at the first non-sendrecv re-INVITE (docs/music-on-hold.md).
 * One node for the class (SQLite), one test thread.
 */
class MohHoldIT {
    private static final String PASSWORD_1001 = "alice-moh-1001";
    private static final String PASSWORD_1002 = "bob-moh-1002";
    private static final Duration SETUP = Duration.ofSeconds(10);
    private static final Pattern SSRC_CHANGE = Pattern.compile("SSRC changed (0x[0-9a-f]+) -> (0x[0-9a-f]+)");
    private static final Pattern HOLDS = Pattern.compile("(?m)^switchboard_moh_holds_total\\{class=\"tones\",?\\} (\\S+)$");

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static Server server;
    private static ApiClient api;
    private final HttpClient http = HttpClient.newHttpClient();

    private Baresip caller;
    private Baresip callee;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 29560, port_max: 29599}
                moh:
                  classes:
                    - {name: tones, description: the test's 500 Hz}
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

    @Test
    void holdingPlaysTheClassTheHolderChoseAndResumeGivesTheHeldPhoneItsCallerBack() throws Exception {
        Path work = Baresip.newFolder("moh-");
        Path music = Baresip.writeTone(work.resolve("music.wav"), 500, Duration.ofSeconds(3));
        HttpResponse<String> uploaded = send("PUT", "/api/moh/classes/tones/files/music.wav", "audio/wav",
                HttpRequest.BodyPublishers.ofFile(music));
        assertThat(uploaded.statusCode()).as("upload: %s", uploaded.body()).isEqualTo(200);
        HttpResponse<String> chosen = send("PUT", "/api/extensions/1001/call-settings", "application/json",
                HttpRequest.BodyPublishers.ofString("{\"moh_class\":\"tones\"}"));
        assertThat(chosen.statusCode()).as("1001 chooses the class: %s", chosen.body()).isEqualTo(200);
        callee = Baresip.start(work.resolve("1002"), Baresip.Account.registeredAt(server.sipPort(), "1002", PASSWORD_1002)
                .answeringAutomatically().offering("PCMU/8000/1"), ToneCall.calleeTone(work));
        caller = Baresip.start(work.resolve("1001"), Baresip.Account.registeredAt(server.sipPort(), "1001", PASSWORD_1001)
                .offering("PCMU/8000/1"), ToneCall.callerTone(work));
        callee.awaitRegistered(SETUP);
        caller.awaitRegistered(SETUP);
        awaitBinding("1001");
        awaitBinding("1002");
        caller.dial("sip:1002@127.0.0.1:" + server.sipPort());
        caller.awaitCallEstablished(SETUP);
        callee.awaitCallEstablished(SETUP);
        await("1002 decodes its caller").atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> callee.decodedSoFar().compareTo(Duration.ofSeconds(1)) >= 0);

        caller.hold();
        await("1002 gets the node's music stream; " + callee.logFile()).atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> ssrcChanges().size() >= 1);
        double holds = holdsOfTones();
        caller.resume();
        await("1002 gets its caller's stream back; " + callee.logFile()).atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> ssrcChanges().size() >= 2);
        caller.hangUp();
        callee.awaitCallTerminated(SETUP);

        List<String[]> changes = ssrcChanges();
        assertThat(changes.get(1)[1]).as("after resume 1002 receives the stream it had before the hold; "
                + callee.logFile()).isEqualTo(changes.get(0)[0]);
        assertThat(holds).as("switchboard_moh_holds_total{class=\"tones\"} at /metrics while held").isEqualTo(1.0);
        assertThat(callee.log()).as("1002 was told of the hold").contains("a=sendonly");
    }

    private List<String[]> ssrcChanges() {
        Matcher m = SSRC_CHANGE.matcher(callee.log());
        return m.results().map(r -> new String[] {r.group(1), r.group(2)}).toList();
    }

    private double holdsOfTones() throws Exception {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = HOLDS.matcher(metrics.body());
        assertThat(m.find()).as("switchboard_moh_holds_total for class tones in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void awaitBinding(String extension) {
        await("binding of " + extension).atMost(SETUP).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/registrations?extension=" + extension).body().contains("\"contact\""));
    }

    private HttpResponse<String> send(String method, String path, String type, HttpRequest.BodyPublisher body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", type)
                .method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
