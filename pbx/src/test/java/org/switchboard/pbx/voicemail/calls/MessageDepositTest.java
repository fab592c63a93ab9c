package org.switchboard.pbx.voicemail.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.endpoint.RecordingEnd;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.VoicemailMessage;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.store.voicemail.BoxSettings;

/**
 * Leaving a message ({@link MessageDeposit}) over the real voicemail service: the greeting, the
 * beep, the recording into the box's new file, and what is kept of it.
 */
class MessageDepositTest {
    @TempDir
    Path dataDir;
    private Boxes boxes;
    private final SaidPrompts prompts = new SaidPrompts();
    private TestCall call;

    @BeforeEach
    void open() {
        boxes = new Boxes(dataDir, VoicemailSettings.DEFAULTS);
    }

    @AfterEach
    void close() {
        call.close();
        boxes.close();
    }

    private void callBox(String box, Greeting greeting) {
        call = new TestCall("1001", "Alice");
        call.answer(c -> new MessageDeposit(boxes.voicemail, prompts, boxes.clock, c.work(), box, greeting));
    }

    /** The greeting plays to its end, then the beep. */
    private void throughGreetingAndBeep() {
        call.awaitPlaybackAfter(0);
        call.playbackEnds();
        call.awaitPlaybackAfter(1);
        call.playbackEnds();
    }

    @Test
    void aMessageOfTwoSecondsIsKeptWithTheCallersNumberNameLengthAndAudio() throws Exception {
        callBox("1002", Greeting.UNAVAILABLE);
        throughGreetingAndBeep();
        call.speak(Boxes.tone(1000, 2), RecordingEnd.CLOSED);

        List<VoicemailMessage> messages = await().atMost(TestCall.WAIT)
                .until(() -> boxes.voicemail.messages("1002", Folder.NEW), m -> !m.isEmpty());
        VoicemailMessage message = messages.getFirst();
        assertThat(message.callerNumber()).isEqualTo("1001");
        assertThat(message.callerName()).isEqualTo("Alice");
        assertThat(message.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(message.receivedAt()).isEqualTo(Boxes.T0);
        short[] audio = WavFile.read(Files.readAllBytes(boxes.voicemail.audio("1002", message.id()).orElseThrow()))
                .firstChannel();
        assertThat(audio).as("the stored WAV holds the two seconds said").hasSize(16_000);
        assertThat(new Goertzel(1000, 8000).relativePower(audio, 8000, 800)).as("1 kHz in the message").isGreaterThan(0.9);
        assertThat(call.awaitHangUp()).isEqualTo("voicemail message left");
        assertThat(prompts.said()).as("the spoken default greeting").containsExactly("extension", "not-available",
                "leave-message");
    }

    @Test
    void aMessageUnderASecondIsDroppedAndItsFileRemoved() throws Exception {
        callBox("1002", Greeting.UNAVAILABLE);
        throughGreetingAndBeep();
        call.speak(Boxes.tone(1000, 0.5), RecordingEnd.CLOSED);

        assertThat(call.awaitHangUp()).isEqualTo("voicemail message too short");
        await().atMost(TestCall.WAIT).until(() -> boxes.audioFiles().isEmpty());
        assertThat(boxes.voicemail.counts("1002").newMessages()).isZero();
    }

    @Test
    void aCallerWhoSaysNothingUntilTheSilenceEndsTheRecordingLeavesNothing() throws Exception {
        callBox("1002", Greeting.UNAVAILABLE);
        throughGreetingAndBeep();
        short[] quiet = new short[(int) (MessageDeposit.SILENCE.toMillis() * 8 + 4000)]; // the silence and half a second

        call.speak(quiet, RecordingEnd.SILENCE);

        assertThat(call.awaitHangUp()).isEqualTo("voicemail message too short");
        await().atMost(TestCall.WAIT).until(() -> boxes.audioFiles().isEmpty());
        assertThat(boxes.voicemail.counts("1002").newMessages()).isZero();
    }

    @Test
    void aCallerWhoHangsUpDuringTheGreetingLeavesNothing() {
        callBox("1002", Greeting.UNAVAILABLE);
        call.awaitPlaybackAfter(0);

        call.hangUp();

        await().atMost(TestCall.WAIT).during(Duration.ofMillis(300)).until(() -> boxes.audioFiles().isEmpty());
        assertThat(call.leg.sink()).as("no recording").isEmpty();
        assertThat(boxes.voicemail.counts("1002").newMessages()).isZero();
    }

    @Test
    void theRecordingIsLimitedToTheBoxsLongestMessageAndFiveSecondsOfSilence() {
        callBox("1002", Greeting.UNAVAILABLE);
        throughGreetingAndBeep();

        var options = await().atMost(TestCall.WAIT).until(call.leg::recordOptions, o -> o.isPresent()).orElseThrow();
        assertThat(options.maxDuration()).isEqualTo(boxes.voicemail.box("1002").orElseThrow().maxMessage());
        assertThat(options.silenceTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void poundSkipsTheGreetingAndEndsTheRecording() {
        callBox("1002", Greeting.UNAVAILABLE);
        call.awaitPlaybackAfter(0);
        call.dtmf('#');
        call.playbackEnds(); // the stopped greeting reports its end
        call.awaitPlaybackAfter(1);
        call.playbackEnds();
        await().atMost(TestCall.WAIT).until(() -> call.leg.sink().isPresent());

        call.dtmf('#');

        await().atMost(TestCall.WAIT).until(() -> call.leg.stoppedRecordings() == 1);
    }

    @Test
    void theBusyGreetingSaysTheOwnerIsOnThePhone() {
        callBox("1002", Greeting.BUSY);
        call.awaitPlaybackAfter(0);

        assertThat(prompts.said()).containsExactly("extension", "busy", "leave-message");
    }

    @Test
    void aRecordedGreetingIsPlayedInsteadOfTheSpokenOne() throws Exception {
        boxes.voicemail.saveGreeting("1002", Greeting.UNAVAILABLE, Boxes.wav(Boxes.tone(700, 1)));
        callBox("1002", Greeting.UNAVAILABLE);
        throughGreetingAndBeep();

        assertThat(prompts.said()).as("no spoken greeting").isEmpty();
        await().atMost(TestCall.WAIT).until(() -> call.leg.sink().isPresent());
    }

    @Test
    void anUnknownBoxSaysNotAvailableAndHangsUp() {
        callBox("1009", Greeting.UNAVAILABLE);
        call.awaitPlaybackAfter(0);
        call.playbackEnds();

        assertThat(call.awaitHangUp()).isEqualTo("voicemail box unavailable");
        assertThat(prompts.said()).containsExactly("not-available");
        assertThat(call.leg.sink()).as("nothing recorded").isEmpty();
    }

    @Test
    void aBoxWithVoicemailTurnedOffSaysNotAvailable() {
        boxes.voicemail.update("1002", new BoxSettings(false, false, 180, false), Optional.empty(), "test");
        callBox("1002", Greeting.UNAVAILABLE);
        call.awaitPlaybackAfter(0);
        call.playbackEnds();

        assertThat(call.awaitHangUp()).isEqualTo("voicemail box unavailable");
        assertThat(prompts.said()).containsExactly("not-available");
    }
}
