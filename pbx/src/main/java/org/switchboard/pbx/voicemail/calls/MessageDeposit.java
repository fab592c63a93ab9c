package org.switchboard.pbx.voicemail.calls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingEnd;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.media.endpoint.WavRecorder;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.voicemail.Greeting;
import org.switchboard.pbx.voicemail.Voicemail;

/**
 * One caller leaving a message in a box, as a state machine: the box is looked up, its greeting
 * plays ({@code #} skips it), the beep, then what the caller says is recorded until they hang up,
 * press {@code #}, stay silent for {@link #SILENCE} or reach the box's longest message. A message
 * under {@link #SHORTEST} (not counting the silence that ended it) is dropped with its file (a
 * caller who hung up at the beep, or said nothing); a longer one is deposited on a virtual thread. An unknown or disabled box: {@code not-available}, then the
 * PBX hangs up. Owned by the call's executor.
 */
final class MessageDeposit implements PbxLegListener {
    /** Messages shorter than this are hang-ups at the beep, not messages. */
    static final Duration SHORTEST = Duration.ofSeconds(1);
    /** Quiet for this long ends the recording (the caller left without hanging up). */
    static final Duration SILENCE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(MessageDeposit.class);

    private enum State { LOOKING_UP, UNAVAILABLE, GREETING, BEEP, RECORDING, FINISHING }

    private final Voicemail voicemail;
    private final Prompts prompts;
    private final InstantSource clock;
    private final BlockingWork work;
    private final String number;
    private final Greeting greeting;
    private State state = State.LOOKING_UP;
    private PbxLeg leg;
    private DepositPlan.Ready plan;
    private long playback = -1;
    private Instant recordingSince;
    private boolean ended;

    MessageDeposit(Voicemail voicemail, Prompts prompts, InstantSource clock, BlockingWork work, String number,
            Greeting greeting) {
        this.voicemail = voicemail;
        this.prompts = prompts;
        this.clock = clock;
        this.work = work;
        this.number = number;
        this.greeting = greeting;
    }

    @Override
    public void answered(PbxLeg answeredLeg) {
        leg = answeredLeg;
        work.run("voicemail box " + number, () -> DepositPlan.lookUp(voicemail, prompts, number, greeting),
                this::greet, failure -> unavailable());
    }

    private void greet(DepositPlan found) {
        switch (found) {
            case DepositPlan.Unavailable none -> unavailable();
            case DepositPlan.Ready ready -> {
                plan = ready;
                if (ended) {
                    discard("call ended before the greeting");
                    return;
                }
                state = State.GREETING;
                playback = leg.play(ready.greeting().source());
            }
        }
    }

    private void unavailable() {
        state = State.UNAVAILABLE;
        if (!ended) {
            playback = leg.play(prompts.get("not-available").source());
        }
    }

    @Override
    public void playbackFinished(PbxLeg pbxLeg, long playbackId, PlaybackEnd reason) {
        if (playbackId != playback || reason == PlaybackEnd.REPLACED || reason == PlaybackEnd.CLOSED) {
            return;
        }
        switch (state) {
            case UNAVAILABLE -> leg.hangUp("voicemail box unavailable");
            case GREETING -> {
                state = State.BEEP;
                playback = leg.play(SystemPrompts.beep().source());
            }
            case BEEP -> {
                state = State.RECORDING;
                recordingSince = clock.instant();
                leg.record(new WavRecorder(plan.file()), RecordOptions.limits(plan.box().maxMessage(), SILENCE));
            }
            case LOOKING_UP, RECORDING, FINISHING -> { }
        }
    }

    @Override
    public void dtmf(PbxLeg pbxLeg, char digit) {
        if (digit != '#') {
            return;
        }
        if (state == State.GREETING) {
            leg.stopPlayback(); // skips to the beep
        } else if (state == State.RECORDING) {
            leg.stopRecording();
        }
    }

    @Override
    public void recordingFinished(PbxLeg pbxLeg, RecordingResult result) {
        state = State.FINISHING;
        Duration length = result.duration();
        if (!result.succeeded()) {
            discard("recording failed");
            leg.hangUp("voicemail recording failed");
            return;
        }
        if (isTooShort(result, SILENCE)) {
            discard("shorter than " + SHORTEST.toMillis() + " ms");
            leg.hangUp("voicemail message too short");
            return;
        }
        String callerNumber = leg.caller();
        String callerName = leg.callerName();
        Path file = plan.file();
        work.run("voicemail deposit " + number,
                () -> voicemail.deposit(number, file, callerNumber, callerName, recordingSince, length),
                message -> { }, // the service logs every message left
                failure -> discard("deposit failed"));
        leg.hangUp("voicemail message left");
    }

    /**
     * Whether {@code result} holds less than {@link #SHORTEST} of speech: a recording that {@code
     * silence} of quiet ended holds that much silence at its end.
     */
    static boolean isTooShort(RecordingResult result, Duration silence) {
        Duration said = result.end() == RecordingEnd.SILENCE ? result.duration().minus(silence) : result.duration();
        return said.compareTo(SHORTEST) < 0;
    }

    @Override
    public void ended(String cause) {
        ended = true;
        if (state == State.GREETING || state == State.BEEP) {
            discard("caller left before the beep ended");
        }
    }

    /** Removes the file of a message not kept, if the recording created it. */
    private void discard(String why) {
        if (plan == null) {
            return;
        }
        Path file = plan.file();
        work.run("voicemail discard " + number, () -> deleteIfExists(file), deleted -> log.info(
                "voicemail message dropped box={} reason={}", number, why), failure -> { });
    }

    private static boolean deleteIfExists(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
