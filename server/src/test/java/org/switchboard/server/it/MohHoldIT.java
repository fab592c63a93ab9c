package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
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
 * {@code sendonly} re-INVITE): the node counts the hold for that class and sends 1002 the music while held,
 * then its caller again after {@code /resume}, all as one RTP stream: 1002's log reports no SSRC change
 * (docs/media.md, one outgoing stream per leg). What 1002 hears is checked by frequency in {@code MohHoldMusicIT} with SIPp: baresip
 * 1.0 stops its decode recording at the first non-sendrecv re-INVITE (docs/music-on-hold.md).
 * One node for the class (SQLite), one test thread.
 */
class MohHoldIT {
    private static final String PASSWORD_1001 = "alice-moh-1001";
    private static final String PASSWORD_1002 = "bob-moh-1002";
    private static final Duration SETUP = Duration.ofSeconds(10);
    private static final Pattern SSRC_CHANGE = Pattern.compile("SSRC changed 0x[0-9a-f]+ -> 0x[0-9a-f]+");
    // a second of 20 ms packets
    private static final long MUSIC_PACKETS = 50;
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
        await("switchboard_moh_holds_total{class=\"tones\"} at /metrics counts the hold").atMost(SETUP)
                .pollInterval(Duration.ofMillis(50)).until(() -> holdsOfTones() == 1.0);
        long heldAt = packetsSentToCallee();
        await("the node sends 1002 a second of music while it is held").atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> packetsSentToCallee() >= heldAt + MUSIC_PACKETS);
        long invitesBeforeResume = invitesReceived();
        caller.resume();
        await("1002 is told of the resume (a re-INVITE)").atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> invitesReceived() > invitesBeforeResume);
        long resumedAt = packetsSentToCallee();
        await("the node relays 1001 to 1002 again for a second").atMost(SETUP).pollInterval(Duration.ofMillis(50))
                .until(() -> packetsSentToCallee() >= resumedAt + MUSIC_PACKETS);
        caller.hangUp();
        callee.awaitCallTerminated(SETUP);

        assertThat(ssrcChanges()).as("1002 hears its caller, the music and its caller again as one RTP stream; "
                + callee.logFile()).isEmpty();
        assertThat(callee.log()).as("1002 was told of the hold").contains("a=sendonly");
    }

    /** RTP packets the node sent 1002's phone in the call so far (relayed from 1001, or music while held). */
    private static long packetsSentToCallee() {
        JsonNode calls = api.getJson("/api/calls");
        assertThat(calls.size()).as("one call: " + calls).isEqualTo(1);
        JsonNode media = api.getJson("/api/calls/" + URLEncoder.encode(calls.get(0).path("id").asText(),
                StandardCharsets.UTF_8) + "/media");
        for (JsonNode leg : media.path("legs")) {
            if (leg.path("role").asText().equals("callee")) {
                return leg.path("packets_sent").asLong();
            }
        }
        throw new AssertionError("no callee leg in " + media);
    }

    /** INVITEs in 1002's log: the call's, then each re-INVITE the node sends it (hold, resume). */
    private long invitesReceived() {
        return callee.log().lines().filter(line -> line.startsWith("INVITE sip:")).count();
    }

    private List<String> ssrcChanges() {
        return SSRC_CHANGE.matcher(callee.log()).results().map(MatchResult::group).toList();
    }

    /** The holds of class tones the node counted, 0 before the first. */
    private double holdsOfTones() throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = HOLDS.matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
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
