package org.switchboard.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A call between two baresip phones, each playing its own tone into it: the caller dials, both talk
 * until each has decoded {@link #TALK} of the other, the caller hangs up and both quit; then each
 * recording must hold the other phone's tone and not its own. What lies between the phones (a PBX,
 * or nothing) is asked to describe the call while it is up, for the failure messages.
 * Used by one test thread.
 */
final class ToneCall {
    static final double CALLER_TONE_HZ = 1000;
    static final double CALLEE_TONE_HZ = 1600;

    /** How much audio each side must have decoded before the caller hangs up. */
    static final Duration TALK = Duration.ofSeconds(2);

    private static final Duration SETUP = Duration.ofSeconds(10);
    // the tone files outlast the longest call a test waits for
    private static final Duration TONE_LENGTH = Duration.ofSeconds(30);
    // a tenth of the tones' level (a sine's rms is its amplitude over the square root of 2) is not silence
    private static final double NOT_SILENCE_RMS = 0.1 * Baresip.TONE_LEVEL * Short.MAX_VALUE / Math.sqrt(2);
    private static final double MOST_BLOCKS = 0.9;
    private static final double FEW_BLOCKS = 0.1;

    private final Baresip caller;
    private final Baresip callee;
    private final Supplier<String> between;
    private String seenBetween = "(not asked: the call was not established)";

    /** A call from {@code caller} to {@code callee}; {@code between} describes the path of the call in failure messages. */
    ToneCall(Baresip caller, Baresip callee, Supplier<String> between) {
        this.caller = caller;
        this.callee = callee;
        this.between = between;
    }

    /** The caller's microphone file, {@link #CALLER_TONE_HZ}, written under {@code folder}. */
    static Path callerTone(Path folder) throws IOException {
        return Baresip.writeTone(folder.resolve("caller-tone.wav"), CALLER_TONE_HZ, TONE_LENGTH);
    }

    /** The callee's microphone file, {@link #CALLEE_TONE_HZ}, written under {@code folder}. */
    static Path calleeTone(Path folder) throws IOException {
        return Baresip.writeTone(folder.resolve("callee-tone.wav"), CALLEE_TONE_HZ, TONE_LENGTH);
    }

    /**
     * Dials {@code uri} from the caller, waits for the callee to answer (it must answer
     * automatically) and for both to decode {@link #TALK} of audio, then the caller hangs up and
     * both quit, which completes their recordings.
     */
    void talk(String uri) throws IOException, InterruptedException {
        caller.dial(uri);
        talkOnceConnected();
    }

    /**
     * As {@link #talk} once the caller dialled, however the callee comes into the call (it answers, or it picks the
     * ringing call up): waits until both are in it and decoded {@link #TALK}, then the caller hangs up and both quit.
     */
    void talkOnceConnected() throws IOException, InterruptedException {
        caller.awaitCallEstablished(SETUP);
        callee.awaitCallEstablished(SETUP);
        try {
            await().atMost(SETUP).pollInterval(Duration.ofMillis(100))
                    .until(() -> caller.decodedSoFar().compareTo(TALK) >= 0 && callee.decodedSoFar().compareTo(TALK) >= 0);
        } catch (ConditionTimeoutException e) {
            seenBetween = between.get();
            throw new AssertionError("the call was established but audio did not flow both ways for " + TALK
                    + ": caller decoded " + caller.decodedSoFar() + ", callee decoded " + callee.decodedSoFar()
                    + " (logs " + caller.logFile() + ", " + callee.logFile() + "); between them: " + seenBetween, e);
        }
        seenBetween = between.get();
        caller.hangUp();
        callee.awaitCallTerminated(SETUP);
        caller.quit();
        callee.quit();
    }

    /** Each side heard the other's tone, not silence and not its own tone back. */
    void assertEachHeardTheOther() throws IOException {
        assertHeard(new Recording("callee's recording", callee.decoded()), CALLER_TONE_HZ, CALLEE_TONE_HZ,
                "callee heard the caller");
        assertHeard(new Recording("caller's recording", caller.decoded()), CALLEE_TONE_HZ, CALLER_TONE_HZ,
                "caller heard the callee");
    }

    private void assertHeard(Recording heard, double otherToneHz, double ownToneHz, String what) {
        String summary = heard.describe(otherToneHz, ownToneHz) + "; between the phones: " + seenBetween;
        assertThat(heard.seconds()).as(what + ": recorded at least the talk time; " + summary)
                .isGreaterThanOrEqualTo(TALK.toMillis() / 1000.0);
        assertThat(heard.rms()).as(what + ": the recording is not silence; " + summary).isGreaterThan(NOT_SILENCE_RMS);
        assertThat(heard.shareOfBlocksWithTone(otherToneHz)).as(what + ": the far end's tone; " + summary)
                .isGreaterThan(MOST_BLOCKS);
        assertThat(heard.shareOfBlocksWithTone(ownToneHz)).as(what + ": not its own tone sent back; " + summary)
                .isLessThan(FEW_BLOCKS);
    }
}
