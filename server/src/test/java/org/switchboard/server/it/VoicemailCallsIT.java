package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;

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
    private static final double TONE_HZ = VoicemailCaller.TONE_HZ;
    private static final double BUSY_GREETING_HZ = 1600;

    @TempDir
    static Path dir;

    @AutoClose
    private static TestNode node;
    private static ApiClient api;
    private static VoicemailBoxes boxes;
    private static VoicemailCaller callers;

    @BeforeAll
    static void startNode() throws Exception {
        node = TestNode.start(dir, """
                rtp: {port_min: 31240, port_max: 31279}
                extensions:
                  - {number: "2001", name: Carol, password: %1$s}
                  - {number: "2002", name: Dave, password: %1$s}
                  - {number: "2003", name: Erin, password: %1$s}
                  - {number: "2004", name: Frank, password: %1$s}
                  - {number: "2005", name: Grace, password: %1$s}
                """.formatted(PASSWORD));
        api = node.api();
        boxes = new VoicemailBoxes(api, dir);
        callers = new VoicemailCaller(node.server().sipPort(), PASSWORD);
        HttpResponse<String> rule = api.post("/api/dialplan/rules", """
                {"priority": 40, "name": "leave a message", "pattern": "\\\\*8([0-9]{4})", "action": "voicemail", "target": "$1"}""");
        assertThat(rule.statusCode()).as("POST /api/dialplan/rules: " + rule.body()).isEqualTo(201);
    }

    @Test
    void aCallerWhoTalksFiveSecondsAfterTheBeepLeavesAFiveSecondMessageOfHisVoice() throws Exception {
        leaveMessage("2001", "2002", Duration.ofSeconds(5));

        JsonNode message = boxes.awaitMessages("2002", 1).getFirst();
        assertThat(message.path("caller").asText()).isEqualTo("2001");
        assertThat(message.path("caller_name").asText()).as("the From display name").isEqualTo("Carol Caller");
        assertThat(message.path("folder").asText()).isEqualTo("new");
        assertThat(message.path("duration_seconds").asDouble()).as("talked from the beep to the BYE: " + message)
                .isCloseTo(5.0, within(0.7));
        Recording audio = new Recording("message " + message, WavFile.read(boxes.audio("2002", message.path("id").asLong())));
        assertThat(audio.seconds()).as(audio.describe(TONE_HZ)).isCloseTo(5.0, within(0.7));
        assertThat(audio.shareOfBlocksWithTone(TONE_HZ)).as(audio.describe(TONE_HZ, 1600)).isGreaterThan(0.9);
        assertThat(audio.shareOfBlocksWithTone(1600)).as(audio.describe(TONE_HZ, 1600)).isZero();
    }

    @Test
    void aCallerWhoHangsUpHalfASecondAfterTheBeepLeavesNoMessageAndNoFile() throws Exception {
        List<Path> filesBefore = boxes.files();

        leaveMessage("2001", "2003", Duration.ofMillis(500));

        assertThat(endedCall("2001", "*82003").path("hangup_cause").asText()).isEqualTo("BYE from caller");
        // the recording's file exists from the beep on; it goes once the recording ends
        await("the half second's file removed").atMost(Duration.ofSeconds(5))
                .until(() -> boxes.files().equals(filesBefore));
        assertThat(boxes.messages("2003")).as("box 2003").isEmpty();
    }

    @Test
    void theOwnerDialsStar97HearsTheMessageAndDeletesItWithSipInfoKeys() throws Exception {
        leaveMessage("2003", "2001", Duration.ofSeconds(3));
        JsonNode left = boxes.awaitMessages("2001", 1).getFirst();

        short[] heard;
        try (TalkingPhoneMedia phone = TalkingPhoneMedia.listening()) {
            callers.scenario("uac_mailbox_keys.xml", "2001", "*97", phone).key("key1", "1").key("key2", "7").key("key3", "*")
                    .runLimitSeconds(60).run()
                    .assertAllCallsSucceeded("2001 dials *97, presses 1, 7 and * by INFO and gets the PBX's BYE");
            heard = phone.heard();
        }

        assertThat(boxes.messages("2001")).as("box 2001 after 7").isEmpty();
        assertThat(boxes.audioResponse("2001", left.path("id").asLong()).statusCode()).as("GET the deleted message's audio")
                .isEqualTo(404);
        Recording played = new Recording("what 2001 heard", new PcmAudio(8000, 1, heard));
        // the message (3 s of the tone) played between the keys 1 and 7, amid the spoken prompts
        assertThat(played.shareOfBlocksWithTone(TONE_HZ) * played.seconds()).as(played.describe(TONE_HZ))
                .isGreaterThan(2.0);
        assertThat(endedCall("2001", "*97").path("hangup_cause").asText()).isEqualTo("voicemail goodbye");
    }

    @Test
    void aCallToAnExtensionWithoutAPhoneGoesToItsBoxWhereTheCallerLeavesAMessage() throws Exception {
        callers.talk("2001", "2004", VoicemailCaller.untilAfterBeep("2004", Duration.ofSeconds(2)));

        JsonNode message = boxes.awaitMessages("2004", 1).getFirst();
        assertThat(message.path("caller").asText()).isEqualTo("2001");
        assertThat(message.path("duration_seconds").asDouble()).as(message.toString()).isCloseTo(2.0, within(0.7));
    }

    @Test
    void theCallerOfAnExtensionOnDoNotDisturbHearsItsRecordedBusyGreeting() throws Exception {
        HttpResponse<String> dnd = api.put("/api/extensions/2005/call-settings", "{\"do_not_disturb\": true}");
        assertThat(dnd.statusCode()).as("PUT call-settings of 2005: " + dnd.body()).isEqualTo(200);
        byte[] busyGreeting = WavFile.write(new PcmAudio(8000, 1, new ToneGenerator(BUSY_GREETING_HZ, 0.3, 8000).next(8000)));
        assertThat(api.put("/api/voicemail/boxes/2005/greetings/busy", "audio/wav", busyGreeting).statusCode())
                .as("PUT the busy greeting of 2005").isEqualTo(204);

        short[] heard = callers.talk("2001", "2005",
                Duration.ofSeconds(1).plus(VoicemailCaller.BEEP).plus(Duration.ofSeconds(2)));

        Recording greeting = new Recording("what 2001 heard", new PcmAudio(8000, 1, heard));
        assertThat(greeting.shareOfBlocksWithTone(BUSY_GREETING_HZ) * greeting.seconds())
                .as("seconds of the busy greeting's tone: " + greeting.describe(BUSY_GREETING_HZ)).isGreaterThan(0.8);
        JsonNode message = boxes.awaitMessages("2005", 1).getFirst();
        assertThat(message.path("duration_seconds").asDouble()).as(message.toString()).isCloseTo(2.0, within(0.7));
    }

    /**
     * {@code caller} calls box {@code box} through the {@code *8} rule and talks the tone from the
     * greeting on; SIPp hangs up when the default greeting, the beep and {@code afterBeep} are over.
     */
    private static void leaveMessage(String caller, String box, Duration afterBeep) throws Exception {
        callers.talk(caller, "*8" + box, VoicemailCaller.untilAfterBeep(box, afterBeep));
    }

    /** The CDR of the ended call {@code caller} made to {@code dialled}, once written (the latest such call). */
    private static JsonNode endedCall(String caller, String dialled) {
        return await("CDR of " + caller + " calling " + dialled).atMost(Duration.ofSeconds(10))
                .until(() -> ApiClient.items(api.getJson("/api/cdr?extension=" + caller + "&limit=50").path("items")).stream()
                        .filter(c -> c.path("callee").asText().equals(dialled))
                        .filter(c -> !c.path("status").asText().equals("open")).findFirst(), Optional::isPresent)
                .orElseThrow();
    }
}
