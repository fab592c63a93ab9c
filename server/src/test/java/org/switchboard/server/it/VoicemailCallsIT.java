package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.server.wiring.Server;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Voicemail's calls on a whole node with SIPp callers (docs/voicemail.md, "Calls"): a dial-plan rule
 * added over REST sends {@code *8<box>} to kind {@code voicemail}; a caller talks a 1 kHz tone after
 * the beep and hangs up, and the box then holds a message of that length whose WAV is that tone; a
 * caller who hangs up half a second after the beep leaves nothing; the owner dials {@code *97},
 * presses 1 (hears the message) and 7 (deletes it) by SIP INFO; a call to an extension without a
 * phone reaches its box as the last resort, and one on do-not-disturb hears the box's busy greeting.
 * One node for the class (SQLite), one test thread.
 */
class VoicemailCallsIT {
    private static final String PASSWORD = "voicemail-calls-42";
    private static final double TONE_HZ = 1000;
    private static final double BUSY_GREETING_HZ = 1600;
    private static final Duration BEEP = Duration.ofMillis(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static TestDatabase database;
    private static Server server;
    private static ApiClient api;

    @BeforeAll
    static void startNode() throws Exception {
        database = TestDatabases.sqlite();
        server = Server.start(NodeConfig.load(dir, database, """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0, domain: pbx.test}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 31240, port_max: 31279}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "2001", name: Carol, password: %1$s}
                  - {number: "2002", name: Dave, password: %1$s}
                  - {number: "2003", name: Erin, password: %1$s}
                  - {number: "2004", name: Frank, password: %1$s}
                  - {number: "2005", name: Grace, password: %1$s}
                """.formatted(PASSWORD)), Clock.systemUTC(), "test");
        api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        HttpResponse<String> rule = api.post("/api/dialplan/rules", """
                {"priority": 40, "name": "leave a message", "pattern": "\\\\*8([0-9]{4})", "action": "voicemail", "target": "$1"}""");
        assertThat(rule.statusCode()).as("POST /api/dialplan/rules: " + rule.body()).isEqualTo(201);
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

    @Test
    void aCallerWhoTalksFiveSecondsAfterTheBeepLeavesAFiveSecondMessageOfHisVoice() throws Exception {
        leaveMessage("2001", "2002", Duration.ofSeconds(5));

        JsonNode message = awaitMessages("2002", 1).getFirst();
        assertThat(message.path("caller").asText()).isEqualTo("2001");
        assertThat(message.path("caller_name").asText()).as("the From display name").isEqualTo("Carol Caller");
        assertThat(message.path("folder").asText()).isEqualTo("new");
        assertThat(message.path("duration_seconds").asDouble()).as("talked from the beep to the BYE: " + message)
                .isCloseTo(5.0, within(0.7));
        Recording audio = new Recording("message " + message, WavFile.read(audio("2002", message.path("id").asLong())));
        assertThat(audio.seconds()).as(audio.describe(TONE_HZ)).isCloseTo(5.0, within(0.7));
        assertThat(audio.shareOfBlocksWithTone(TONE_HZ)).as(audio.describe(TONE_HZ, 1600)).isGreaterThan(0.9);
        assertThat(audio.shareOfBlocksWithTone(1600)).as(audio.describe(TONE_HZ, 1600)).isZero();
    }

    @Test
    void aCallerWhoHangsUpHalfASecondAfterTheBeepLeavesNoMessageAndNoFile() throws Exception {
        List<Path> filesBefore = voicemailFiles();

        leaveMessage("2001", "2003", Duration.ofMillis(500));

        assertThat(endedCall("2001", "*82003").path("hangup_cause").asText()).isEqualTo("BYE from caller");
        // the recording's file exists from the beep on; it goes once the recording ends
        await("the half second's file removed").atMost(Duration.ofSeconds(5))
                .until(() -> voicemailFiles().equals(filesBefore));
        assertThat(messages("2003")).as("box 2003").isEmpty();
    }

    @Test
    void theOwnerDialsStar97HearsTheMessageAndDeletesItWithSipInfoKeys() throws Exception {
        leaveMessage("2003", "2001", Duration.ofSeconds(3));
        JsonNode left = awaitMessages("2001", 1).getFirst();

        short[] heard;
        try (TalkingPhoneMedia phone = TalkingPhoneMedia.listening()) {
            caller("uac_mailbox_keys.xml", "2001", "*97", phone).key("key1", "1").key("key2", "7").key("key3", "*")
                    .runLimitSeconds(60).run()
                    .assertAllCallsSucceeded("2001 dials *97, presses 1, 7 and * by INFO and gets the PBX's BYE");
            heard = phone.heard();
        }

        assertThat(messages("2001")).as("box 2001 after 7").isEmpty();
        assertThat(audioStatus("2001", left.path("id").asLong())).as("GET the deleted message's audio").isEqualTo(404);
        Recording played = new Recording("what 2001 heard", new PcmAudio(8000, 1, heard));
        // the message (3 s of the tone) played between the keys 1 and 7, amid the spoken prompts
        assertThat(played.shareOfBlocksWithTone(TONE_HZ) * played.seconds()).as(played.describe(TONE_HZ))
                .isGreaterThan(2.0);
        assertThat(endedCall("2001", "*97").path("hangup_cause").asText()).isEqualTo("voicemail goodbye");
    }

    @Test
    void aCallToAnExtensionWithoutAPhoneGoesToItsBoxWhereTheCallerLeavesAMessage() throws Exception {
        talk("2001", "2004", defaultGreeting("2004").plus(BEEP).plus(Duration.ofSeconds(2)));

        JsonNode message = awaitMessages("2004", 1).getFirst();
        assertThat(message.path("caller").asText()).isEqualTo("2001");
        assertThat(message.path("duration_seconds").asDouble()).as(message.toString()).isCloseTo(2.0, within(0.7));
    }

    @Test
    void theCallerOfAnExtensionOnDoNotDisturbHearsItsRecordedBusyGreeting() throws Exception {
        HttpResponse<String> dnd = putJson("/api/extensions/2005/call-settings", "{\"do_not_disturb\": true}");
        assertThat(dnd.statusCode()).as("PUT call-settings of 2005: " + dnd.body()).isEqualTo(200);
        byte[] busyGreeting = WavFile.write(new PcmAudio(8000, 1, new ToneGenerator(BUSY_GREETING_HZ, 0.3, 8000).next(8000)));
        assertThat(putGreeting("2005", "busy", busyGreeting)).as("PUT the busy greeting of 2005").isEqualTo(204);

        short[] heard = talk("2001", "2005", Duration.ofSeconds(1).plus(BEEP).plus(Duration.ofSeconds(2)));

        Recording greeting = new Recording("what 2001 heard", new PcmAudio(8000, 1, heard));
        assertThat(greeting.shareOfBlocksWithTone(BUSY_GREETING_HZ) * greeting.seconds())
                .as("seconds of the busy greeting's tone: " + greeting.describe(BUSY_GREETING_HZ)).isGreaterThan(0.8);
        JsonNode message = awaitMessages("2005", 1).getFirst();
        assertThat(message.path("duration_seconds").asDouble()).as(message.toString()).isCloseTo(2.0, within(0.7));
    }

    /**
     * {@code caller} calls box {@code box} through the {@code *8} rule and talks the tone from the
     * greeting on; SIPp hangs up when the default greeting, the beep and {@code afterBeep} are over.
     */
    private static void leaveMessage(String caller, String box, Duration afterBeep) throws Exception {
        talk(caller, "*8" + box, defaultGreeting(box).plus(BEEP).plus(afterBeep));
    }

    /**
     * {@code caller} dials {@code dialled}, talks the tone from the PBX's first packet on and hangs up
     * after {@code callLength}; what it heard from the PBX.
     */
    private static short[] talk(String caller, String dialled, Duration callLength) throws Exception {
        try (TalkingPhoneMedia phone = TalkingPhoneMedia.talking(TONE_HZ)) {
            caller("uac_voicemail_talk.xml", caller, dialled, phone)
                    .option("-d", Long.toString(callLength.toMillis())).run()
                    .assertAllCallsSucceeded(caller + " dials " + dialled + ", talks and hangs up after " + callLength);
            assertThat(phone.sent()).as("the phone talked back to the PBX's audio").isPositive();
            return phone.heard();
        }
    }

    /** How long box {@code box}'s spoken greeting lasts: "extension", its digits, "not available", "leave a message". */
    private static Duration defaultGreeting(String box) {
        return Stream.of(SystemPrompts.get("extension"), SystemPrompts.digits(box), SystemPrompts.get("not-available"),
                SystemPrompts.get("leave-message")).map(AudioClip::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private static Sipp caller(String scenario, String caller, String dialled, TalkingPhoneMedia phone) {
        int port = server.sipPort();
        return Sipp.scenario(scenario).target(port)
                .option("-s", dialled, "-au", caller, "-ap", PASSWORD, "-auth_uri", dialled + "@127.0.0.1:" + port)
                .key("caller", caller).key("caller_name", "Carol Caller").key("sdp_ip", "127.0.0.1").key("codec", "0")
                .key("rtp_port", Integer.toString(phone.port()));
    }

    private static List<JsonNode> awaitMessages(String box, int count) {
        return await("box " + box + " holds " + count + " message(s)").atMost(Duration.ofSeconds(10))
                .until(() -> messages(box), m -> m.size() >= count);
    }

    private static List<JsonNode> messages(String box) {
        return items(get("/api/voicemail/boxes/" + box + "/messages"));
    }

    /** The CDR of the ended call {@code caller} made to {@code dialled}, once written (the latest such call). */
    private static JsonNode endedCall(String caller, String dialled) {
        return await("CDR of " + caller + " calling " + dialled).atMost(Duration.ofSeconds(10))
                .until(() -> items(get("/api/cdr?extension=" + caller + "&limit=50").path("items")).stream()
                        .filter(c -> c.path("callee").asText().equals(dialled))
                        .filter(c -> !c.path("status").asText().equals("open")).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static List<JsonNode> items(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static byte[] audio(String box, long id) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = getAudio(box, id);
        assertThat(response.statusCode()).as("GET audio of message " + id).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> putJson(String path, String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int putGreeting(String box, String kind, byte[] wav) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort()
                                + "/api/voicemail/boxes/" + box + "/greetings/" + kind))
                        .header("Authorization", "Bearer " + api.token()).header("Content-Type", "audio/wav")
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(wav)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static int audioStatus(String box, long id) throws IOException, InterruptedException {
        return getAudio(box, id).statusCode();
    }

    private static HttpResponse<byte[]> getAudio(String box, long id) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.httpPort() + "/api/voicemail/boxes/" + box + "/messages/" + id + "/audio"))
                .header("Authorization", "Bearer " + api.token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every file under data_dir/voicemail. */
    private static List<Path> voicemailFiles() throws IOException {
        Path folder = dir.resolve("voicemail");
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
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
