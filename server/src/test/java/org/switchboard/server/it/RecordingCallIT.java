package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.server.wiring.Server;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Issue 16, call recording with real peers: 1001's policy is {@code always}; two baresip phones (1001 calls 1002,
 * each sending its own tone) talk through the PBX's relay, and afterwards {@code GET /api/recordings} lists one
 * recording of that call about as long as the call, whose WAV has two channels: the caller's tone on the first and
 * the callee's on the second, each without the other's. Deleting it removes file and row. With the announcement,
 * both parties hear it before recording starts; on demand, the API starts and stops it during the call. One node
 * (SQLite).
 */
class RecordingCallIT {
    private static final String PASSWORD_1001 = "alice-rec-1001";
    private static final String PASSWORD_1002 = "bob-rec-1002";
    private static final Duration REGISTRATION = Duration.ofSeconds(10);
    // the row is written once the file is on disk, which the recorder's writer finishes within a drain interval
    private static final Duration STORED = Duration.ofSeconds(5);
    private static final double MOST_BLOCKS = 0.8;
    private static final double FEW_BLOCKS = 0.1;
    private static final Duration CALL_SETUP = Duration.ofSeconds(10);
    // the shipped prompt "this call may be recorded" lasts 1.6 s; then 2.4 s of tones are recorded
    private static final double PROMPT_SECONDS = 1.6;
    private static final Duration ANNOUNCED_CALL = Duration.ofSeconds(4);
    private static final short[] PROMPT = SystemPrompts.get("call-recorded").samples();
    // the prompt starts when 1002 answers, well within a second of what either phone decodes
    private static final int PROMPT_SEARCH_SAMPLES = 8000;
    private static final double PROMPT_LIKENESS = 0.8;

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Server server;
    private static ApiClient api;

    private Baresip caller;
    private Baresip callee;

    @BeforeAll
    static void startNode() throws Exception {
        database = TestDatabases.sqlite();
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 32640, port_max: 32679}
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
        if (caller != null) {
            caller.close();
        }
        if (callee != null) {
            callee.close();
        }
    }

    @Test
    void aCallerRecordedAlwaysLeavesAStereoRecordingWithEachPartyOnItsOwnChannel() throws Exception {
        HttpResponse<String> bad = api.put("/api/extensions/1001/recording", "{\"policy\":\"sometimes\"}");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"policy\"");
        HttpResponse<String> saved = api.put("/api/extensions/1001/recording", "{\"policy\":\"always\"}");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        setPolicy("1002", "{\"policy\":\"never\"}");
        assertThat(api.getJson("/api/extensions/1001/recording").path("policy").asText()).isEqualTo("always");

        Path work = Baresip.newFolder("recorded-");
        callee = Baresip.start(work.resolve("1002"), Baresip.Account.registeredAt(server.sipPort(), "1002", PASSWORD_1002)
                .answeringAutomatically().offering("PCMU/8000/1"), ToneCall.calleeTone(work));
        caller = Baresip.start(work.resolve("1001"), Baresip.Account.registeredAt(server.sipPort(), "1001", PASSWORD_1001)
                .offering("PCMU/8000/1"), ToneCall.callerTone(work));
        awaitRegistered("1002", callee);
        awaitRegistered("1001", caller);
        long before = System.nanoTime();
        new ToneCall(caller, callee, () -> api.getJson("/api/calls").toString())
                .talk("sip:1002@127.0.0.1:" + server.sipPort());
        double callSeconds = (System.nanoTime() - before) / 1e9;
        String callId = caller.callIdOfFirstInvite();

        List<JsonNode> items = await("GET /api/recordings?call=" + callId).atMost(STORED)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ApiClient.items(api.getJson("/api/recordings?call=" + callId)), l -> !l.isEmpty());
        assertThat(items).hasSize(1);
        JsonNode recording = items.getFirst();
        assertThat(recording.path("extension").asText()).isEqualTo("1001");
        assertThat(recording.path("duration_seconds").asInt()).as(recording.toString())
                .isBetween((int) ToneCall.TALK.toSeconds(), (int) Math.ceil(callSeconds));
        assertThat(ApiClient.items(api.getJson("/api/recordings?extension=1001&call=" + callId))).hasSize(1);
        assertThat(ApiClient.items(api.getJson("/api/recordings?extension=1002&call=" + callId))).isEmpty();

        String audioPath = "/api/recordings/" + recording.path("id").asLong() + "/audio";
        HttpResponse<byte[]> audio = api.getBytes(audioPath);
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        PcmAudio wav = WavFile.read(audio.body());
        assertThat(wav.channels()).isEqualTo(2);
        assertChannel(new Recording("left channel", wav, 0), ToneCall.CALLER_TONE_HZ, ToneCall.CALLEE_TONE_HZ);
        assertChannel(new Recording("right channel", wav, 1), ToneCall.CALLEE_TONE_HZ, ToneCall.CALLER_TONE_HZ);

        assertThat(api.delete("/api/recordings/" + recording.path("id").asLong()).statusCode()).isEqualTo(204);
        assertThat(api.getBytes(audioPath).statusCode()).isEqualTo(404);
        assertThat(ApiClient.items(api.getJson("/api/recordings?call=" + callId))).isEmpty();
    }

    /**
     * 1002 is recorded always with the announcement: once 1002 answers, both phones hear "this call may be recorded"
     * instead of each other (the prompt itself, found in what each decoded, and none of the other's tone then), then
     * each other's tones while recording runs; the recording starts after the announcement, so it is shorter than
     * the call by about the prompt, and holds each party on its channel. The prompt reaches each phone as the
     * continuation of the one RTP stream the PBX sends it (docs/media.md), so a jitter buffer that drops a stream
     * numbered below the one it plays (baresip 1.0's) still plays it.
     */
    @Test
    void theAnnouncementIsPlayedToBothPartiesBeforeRecordingStarts() throws Exception {
        setPolicy("1001", "{\"policy\":\"never\"}");
        setPolicy("1002", "{\"policy\":\"always\",\"announcement\":true}");
        Path work = Baresip.newFolder("announced-");
        callee = Baresip.start(work.resolve("1002"), Baresip.Account.registeredAt(server.sipPort(), "1002", PASSWORD_1002)
                .answeringAutomatically().offering("PCMA/8000/1"), ToneCall.calleeTone(work));
        caller = Baresip.start(work.resolve("1001"), Baresip.Account.registeredAt(server.sipPort(), "1001", PASSWORD_1001)
                .offering("PCMA/8000/1"), ToneCall.callerTone(work));
        awaitRegistered("1002", callee);
        awaitRegistered("1001", caller);

        caller.dial("sip:1002@127.0.0.1:" + server.sipPort());
        caller.awaitCallEstablished(CALL_SETUP);
        callee.awaitCallEstablished(CALL_SETUP);
        await("both phones decode " + ANNOUNCED_CALL).atMost(ANNOUNCED_CALL.plus(CALL_SETUP))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> caller.decodedSoFar().compareTo(ANNOUNCED_CALL) >= 0
                        && callee.decodedSoFar().compareTo(ANNOUNCED_CALL) >= 0);
        caller.hangUp();
        callee.awaitCallTerminated(CALL_SETUP);
        caller.quit();
        callee.quit();
        String callId = caller.callIdOfFirstInvite();

        PcmAudio callerHeard = caller.decoded();
        assertHeardThePromptThenTheOther("caller", callerHeard, ToneCall.CALLEE_TONE_HZ, caller);
        assertHeardThePromptThenTheOther("callee", callee.decoded(), ToneCall.CALLER_TONE_HZ, callee);

        List<JsonNode> items = await("GET /api/recordings?call=" + callId).atMost(STORED)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ApiClient.items(api.getJson("/api/recordings?call=" + callId)), l -> !l.isEmpty());
        JsonNode recording = items.getFirst();
        assertThat(recording.path("extension").asText()).isEqualTo("1002");
        PcmAudio wav = WavFile.read(api.getBytes("/api/recordings/" + recording.path("id").asLong() + "/audio").body());
        double recordedSeconds = wav.samples().length / 2 / 8000.0;
        double heardSeconds = callerHeard.samples().length / 8000.0;
        assertThat(recordedSeconds).as("recorded after the %.1f s prompt of a %.1f s call", PROMPT_SECONDS, heardSeconds)
                .isLessThan(heardSeconds - PROMPT_SECONDS + 0.5);
        assertChannel(new Recording("left channel", wav, 0), ToneCall.CALLER_TONE_HZ, ToneCall.CALLEE_TONE_HZ);
        assertChannel(new Recording("right channel", wav, 1), ToneCall.CALLEE_TONE_HZ, ToneCall.CALLER_TONE_HZ);
    }

    /**
     * {@code heard} (what {@code who}'s phone decoded) holds the shipped prompt near its start, none of the other
     * party's tone while the prompt plays, and the other party's tone after it.
     */
    private static void assertHeardThePromptThenTheOther(String who, PcmAudio heard, double otherHz, Baresip phone) {
        String log = " (" + phone.logFile() + ")";
        Recording duringPrompt = slice(who + " during the announcement", heard, 0.3, 1.3);
        Recording afterPrompt = slice(who + " after the announcement", heard, 2.3, heard.samples().length / 8000.0);
        assertThat(PromptSearch.shareFound(PROMPT, heard.firstChannel(), PROMPT_SEARCH_SAMPLES, PROMPT_LIKENESS))
                .as("share of the prompt's voiced pieces found in what the %s's phone decoded%s", who, log)
                .isGreaterThan(MOST_BLOCKS);
        assertThat(duringPrompt.shareOfBlocksWithTone(otherHz)).as(duringPrompt.describe(otherHz) + log)
                .isLessThan(FEW_BLOCKS);
        assertThat(afterPrompt.shareOfBlocksWithTone(otherHz)).as(afterPrompt.describe(otherHz) + log)
                .isGreaterThan(MOST_BLOCKS);
    }

    /**
     * 1001 is recorded on demand: nothing is recorded until the API starts it during the call, and stopping it
     * finishes the file then, before the call ends.
     */
    @Test
    void anOnDemandCallIsRecordedFromStartToStopThroughTheApi() throws Exception {
        setPolicy("1001", "{\"policy\":\"on_demand\"}");
        setPolicy("1002", "{\"policy\":\"never\"}");
        Path work = Baresip.newFolder("on-demand-");
        callee = Baresip.start(work.resolve("1002"), Baresip.Account.registeredAt(server.sipPort(), "1002", PASSWORD_1002)
                .answeringAutomatically().offering("PCMU/8000/1"), ToneCall.calleeTone(work));
        caller = Baresip.start(work.resolve("1001"), Baresip.Account.registeredAt(server.sipPort(), "1001", PASSWORD_1001)
                .offering("PCMU/8000/1"), ToneCall.callerTone(work));
        awaitRegistered("1002", callee);
        awaitRegistered("1001", caller);
        caller.dial("sip:1002@127.0.0.1:" + server.sipPort());
        caller.awaitCallEstablished(CALL_SETUP);
        callee.awaitCallEstablished(CALL_SETUP);
        String callId = caller.callIdOfFirstInvite();
        String control = "/api/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/recording";
        await("the call is answered").atMost(CALL_SETUP).pollInterval(Duration.ofMillis(100))
                .until(() -> api.post(control, "{\"action\":\"start\"}").statusCode() == 204);
        Duration startedAt = caller.decodedSoFar();
        await("two seconds recorded").atMost(CALL_SETUP).pollInterval(Duration.ofMillis(100))
                .until(() -> caller.decodedSoFar().minus(startedAt).compareTo(ToneCall.TALK) >= 0);
        assertThat(api.post(control, "{\"action\":\"stop\"}").statusCode()).isEqualTo(204);

        List<JsonNode> items = await("the stopped recording is stored while the call goes on").atMost(STORED)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ApiClient.items(api.getJson("/api/recordings?call=" + callId)), l -> !l.isEmpty());
        caller.hangUp();
        callee.awaitCallTerminated(CALL_SETUP);
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().path("extension").asText()).isEqualTo("1001");
        assertThat(items.getFirst().path("duration_seconds").asInt()).as(items.toString()).isBetween(2, 3);
        PcmAudio wav = WavFile.read(api.getBytes("/api/recordings/" + items.getFirst().path("id").asLong() + "/audio")
                .body());
        assertChannel(new Recording("left channel", wav, 0), ToneCall.CALLER_TONE_HZ, ToneCall.CALLEE_TONE_HZ);
        assertChannel(new Recording("right channel", wav, 1), ToneCall.CALLEE_TONE_HZ, ToneCall.CALLER_TONE_HZ);
    }

    private static Recording slice(String name, PcmAudio audio, double fromSeconds, double toSeconds) {
        short[] samples = audio.firstChannel();
        int from = (int) Math.min(samples.length, fromSeconds * 8000);
        int to = (int) Math.min(samples.length, toSeconds * 8000);
        return new Recording(name, new PcmAudio(8000, 1, Arrays.copyOfRange(samples, from, to)));
    }

    private static void setPolicy(String extension, String body) throws Exception {
        HttpResponse<String> saved = api.put("/api/extensions/" + extension + "/recording", body);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static void assertChannel(Recording channel, double ownHz, double otherHz) {
        String summary = channel.describe(ownHz, otherHz);
        assertThat(channel.seconds()).as(summary).isGreaterThanOrEqualTo(ToneCall.TALK.toSeconds());
        assertThat(channel.shareOfBlocksWithTone(ownHz)).as(summary).isGreaterThan(MOST_BLOCKS);
        assertThat(channel.shareOfBlocksWithTone(otherHz)).as(summary).isLessThan(FEW_BLOCKS);
    }

    private static void awaitRegistered(String extension, Baresip phone) {
        phone.awaitRegistered(REGISTRATION);
        await("GET /api/registrations?extension=" + extension).atMost(REGISTRATION).pollInterval(Duration.ofMillis(100))
                .until(() -> api.getJson("/api/registrations?extension=" + extension).size() > 0);
    }
}
