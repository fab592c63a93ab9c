package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.db.Engine;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * SIGKILL while a caller is being recorded (docs/voicemail.md, "Files"): the shaded jar as a real
 * process; one caller leaves a whole message while another is being recorded when the server is
 * killed. After a restart on the same database and data directory every message the API lists has
 * its audio, the files under data_dir/voicemail are exactly the listed messages' (the cut-off
 * recording swept at start), and the whole message is still there. One scenario per engine.
 */
class VoicemailCrashIT {
    private static final String PASSWORD = "voicemail-crash-42";
    private static final String BOX = "1002";
    /** 1 s of recorded audio past the WAV header: the recording has certainly started reaching the disk. */
    private static final long RECORDING_UNDER_WAY_BYTES = 44 + 16_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRecordingCutOffBySigkillLeavesNoRowAndItsFileIsSweptAtTheRestart(Engine engine) throws Exception {
        Path dataDir = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("switchboard.yml"), """
                sip: {bind: 127.0.0.1, port: 0, tls_port: 0}
                http: {bind: 127.0.0.1, port: 0}
                rtp: {port_min: 31420, port_max: 31439}
                admin: {username: root, password: root-password}
                extensions:
                  - {number: "1001", name: Alice, password: %1$s}
                  - {number: "1002", name: Bob, password: %1$s}
                """.formatted(PASSWORD));
        try (TestDatabase database = TestDatabases.open(engine)) {
            Map<String, String> env = new HashMap<>(ServerProcess.databaseEnvironment(database));
            env.put("SWITCHBOARD_DATA_DIR", dataDir.toString());

            Path cutOff;
            ServerProcess first = ServerProcess.start(dir, config, env, "first");
            try {
                VoicemailBoxes boxes = boxes(first, dataDir);
                VoicemailCaller callers = new VoicemailCaller(first.sipPort(), PASSWORD);
                try (TalkingPhoneMedia phone = TalkingPhoneMedia.talking(VoicemailCaller.TONE_HZ)) {
                    // the caller to be cut off talks for a minute; meanwhile (to keep the test short)
                    // another leaves a whole message of 2 s, which must survive the crash and the sweep
                    Sipp.Running cutOffCaller = callers.talking("1001", BOX, phone).option("-d", "60000").runLimitSeconds(60)
                            .start();
                    try {
                        callers.talk("1001", BOX, VoicemailCaller.untilAfterBeep(BOX, Duration.ofSeconds(2)));
                        JsonNode whole = boxes.awaitMessages(BOX, 1).getFirst();
                        byte[] wholeAudio = boxes.audio(BOX, whole.path("id").asLong());
                        cutOff = await("the cut-off caller's recording reaches the disk").atMost(Duration.ofSeconds(30))
                                .until(() -> recordingUnderWay(boxes, wholeAudio), f -> f != null);
                        first.kill();
                    } finally {
                        cutOffCaller.stop();
                    }
                }
            } finally {
                first.ensureStopped();
            }
            assertThat(cutOff).as("the crash left the cut-off recording behind").exists();

            ServerProcess second = ServerProcess.start(dir, config, env, "second");
            try {
                VoicemailBoxes boxes = boxes(second, dataDir);
                List<JsonNode> messages = boxes.messages(BOX);
                assertThat(messages).as("only the whole message is listed").hasSize(1);
                byte[] wav = boxes.audio(BOX, messages.getFirst().path("id").asLong());
                Recording audio = new Recording("the whole message", WavFile.read(wav));
                assertThat(audio.shareOfBlocksWithTone(VoicemailCaller.TONE_HZ)).as(audio.describe(VoicemailCaller.TONE_HZ))
                        .isGreaterThan(0.9);
                List<Path> files = boxes.files();
                assertThat(files).as("files under data_dir/voicemail after the restart: the listed message's only")
                        .hasSize(1);
                assertThat(Files.readAllBytes(files.getFirst())).as("the file is the listed message's audio").isEqualTo(wav);
                assertThat(cutOff).as("the cut-off recording was swept at start").doesNotExist();
                assertThat(second.stderr()).contains("voicemail files without a row removed count=1 at_start=true");
                assertThat(second.terminate()).isZero();
            } finally {
                second.ensureStopped();
            }
        }
    }

    private static VoicemailBoxes boxes(ServerProcess server, Path dataDir) throws Exception {
        ApiClient api = new ApiClient(server.httpPort());
        api.login("root", "root-password");
        return new VoicemailBoxes(api, dataDir);
    }

    /**
     * A file under data_dir/voicemail other than the whole message's (whose audio is {@code whole})
     * holding at least a second of audio: the recording under way, which no message lists; null
     * while there is none.
     */
    private static Path recordingUnderWay(VoicemailBoxes boxes, byte[] whole) throws IOException {
        for (Path file : boxes.files()) {
            if (Files.size(file) >= RECORDING_UNDER_WAY_BYTES && !Arrays.equals(Files.readAllBytes(file), whole)) {
                assertThat(boxes.messages(BOX)).as("no row for a recording under way").hasSize(1);
                return file;
            }
        }
        return null;
    }
}
