package org.switchboard.pbx.voicemail.calls;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordingEnd;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.PbxLegListener;

/**
 * One voicemail call driven by the test as the call engine would drive it: its own serial
 * executor (a single thread, like a call's), a {@link ScriptedLeg}, and the events the engine
 * sends (answered, keys, playback and recording ends, the caller's hang-up), each posted to that
 * executor. The test thread waits on what the application did; the application's blocking work
 * runs on its virtual threads as in production.
 */
final class TestCall implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    final ScriptedLeg leg;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("test-voicemail-call").factory());
    private PbxLegListener listener;

    TestCall(String caller, String callerName) {
        leg = new ScriptedLeg(caller, callerName);
    }

    /** The work runner of this call, for the application under test. */
    BlockingWork work() {
        return new BlockingWork(executor);
    }

    /** The call is answered with {@code application} listening, as {@code IncomingCall.answer} does. */
    void answer(Function<TestCall, PbxLegListener> application) {
        listener = application.apply(this);
        executor.execute(() -> listener.answered(leg));
    }

    /** The caller presses one key of a menu. */
    void press(char key) {
        collected(new DigitCollection.Result(String.valueOf(key), DigitCollection.Ending.MAX_DIGITS));
    }

    /** The caller types {@code number} and {@code #}. */
    void type(String number) {
        collected(new DigitCollection.Result(number, DigitCollection.Ending.TERMINATOR));
    }

    private void collected(DigitCollection.Result result) {
        executor.execute(() -> listener.digitsCollected(leg, result));
        settle();
    }

    /** The caller presses {@code digit}, outside any collection (the leg reports every key). */
    void dtmf(char digit) {
        executor.execute(() -> listener.dtmf(leg, digit));
        settle();
    }

    /** No key came before the collection's timeout. */
    void stayQuiet() {
        executor.execute(() -> listener.digitsCollected(leg, new DigitCollection.Result("", DigitCollection.Ending.TIMEOUT)));
    }

    /** The current playback played to its end. */
    void playbackEnds() {
        executor.execute(() -> listener.playbackFinished(leg, leg.lastPlayback(), PlaybackEnd.COMPLETED));
    }

    /** Waits until the application has asked for keys {@code count} times. */
    void awaitCollections(int count) {
        await().atMost(WAIT).until(() -> leg.collections() >= count);
    }

    /** Waits for the playback after the {@code mark}th (a sentence said before going on) and lets it end. */
    void sayEnds(long mark) {
        awaitPlaybackAfter(mark);
        playbackEnds();
    }

    /** Waits until a playback after the {@code count}th started. */
    void awaitPlaybackAfter(long count) {
        await().atMost(WAIT).until(() -> leg.lastPlayback() > count);
    }

    /** Waits until the application records, then sends it {@code seconds} of {@code samples} and ends the recording. */
    RecordingResult speak(short[] samples, RecordingEnd end) throws Exception {
        RecordingSink sink = await().atMost(WAIT).until(leg::sink, Optional::isPresent).orElseThrow();
        sink.write(samples, samples.length);
        sink.finish().get(10, TimeUnit.SECONDS);
        RecordingResult result = new RecordingResult(end, samples.length, 0, Optional.empty());
        executor.execute(() -> listener.recordingFinished(leg, result));
        return result;
    }

    /** The caller hangs up. */
    void hangUp() {
        executor.execute(() -> listener.ended("BYE from caller"));
    }

    /** Waits until the application hung up; its cause. */
    String awaitHangUp() {
        return await().atMost(WAIT).until(leg::hangUps, causes -> !causes.isEmpty()).getFirst();
    }

    /** Lets the executor run what was posted so far (the keys' handling). */
    private void settle() {
        try {
            executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the call's executor is stuck", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
