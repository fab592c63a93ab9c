package org.switchboard.pbx.voicemail.calls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.media.endpoint.SystemPrompts;
import org.switchboard.media.endpoint.WavRecorder;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.voicemail.Voicemail;

/**
 * A caller's session with a mailbox: holds the leg and the current {@link Menu}, gives the menus
 * the few operations they are written in (say something, then go on; ask for a key or a number;
 * record; fetch from voicemail off the call thread; go to another menu; say goodbye), and feeds
 * the current menu the keys. Three prompts in a row without a key end the call. Owned by the
 * call's executor.
 */
final class MailboxCall implements PbxLegListener {
    /** Prompts in a row the caller may leave unanswered before the PBX says goodbye. */
    static final int MAX_UNANSWERED = 3;
    /** How long a key is waited for once the prompt has been said. */
    static final Duration KEY_WAIT = Duration.ofSeconds(5);
    /** How long a number is waited for once the prompt has been said, and between its keys. */
    static final Duration NUMBER_WAIT = Duration.ofSeconds(10);
    private static final int LONGEST_NUMBER = 10;

    private final Voicemail voicemail;
    private final Phrases phrases;
    private final BlockingWork work;
    private final Function<MailboxCall, Menu> first;
    private PbxLeg leg;
    private Menu menu;
    private long playback = -1;
    private Runnable afterPlayback;
    private int unanswered;
    private boolean ended;

    /** @param first the menu the caller starts in (the log-in) */
    MailboxCall(Voicemail voicemail, Phrases phrases, BlockingWork work, Function<MailboxCall, Menu> first) {
        this.voicemail = voicemail;
        this.phrases = phrases;
        this.work = work;
        this.first = first;
    }

    // ---- for the menus ----

    Phrases phrases() {
        return phrases;
    }

    /** The extension that called. */
    String caller() {
        return leg.caller();
    }

    boolean hasEnded() {
        return ended;
    }

    /** The caller is in {@code next} now. */
    void go(Menu next) {
        menu = next;
        next.enter();
    }

    /** Says {@code clip}; {@code then} runs when it has been said (or a key cut it short). */
    void say(AudioClip clip, Runnable then) {
        if (ended) {
            return;
        }
        afterPlayback = then;
        playback = leg.play(clip.source());
    }

    /** Says {@code prompt} and waits for one key, which the menu gets (a key cuts the prompt short). */
    void askKey(AudioClip prompt) {
        ask(prompt, new DigitCollection(1, Optional.empty(), prompt.duration().plus(KEY_WAIT), KEY_WAIT));
    }

    /** Says {@code prompt} and waits for a number ended by {@code #}, which the menu gets. */
    void askNumber(AudioClip prompt) {
        ask(prompt, new DigitCollection(LONGEST_NUMBER, Optional.of('#'), prompt.duration().plus(NUMBER_WAIT),
                NUMBER_WAIT));
    }

    private void ask(AudioClip prompt, DigitCollection keys) {
        if (ended) {
            return;
        }
        afterPlayback = null;
        playback = leg.play(prompt.source());
        leg.collectDigits(keys);
    }

    /**
     * Beeps, then records what the caller says into {@code file} until a key, {@code limits}, or the
     * hang-up; the menu hears {@link Menu#recorded} (and {@link Menu#keys} for the key that stopped it).
     */
    void recordAfterBeep(Path file, RecordOptions limits) {
        say(SystemPrompts.beep(), () -> {
            leg.record(new WavRecorder(file), limits);
            Duration longest = limits.maxDuration().isZero() ? Duration.ofHours(1) : limits.maxDuration();
            leg.collectDigits(new DigitCollection(1, Optional.empty(), longest.plus(KEY_WAIT), KEY_WAIT));
        });
    }

    void stopRecording() {
        leg.stopRecording();
    }

    /**
     * Runs {@code step} against voicemail off the call thread; {@code then} gets its result here,
     * unless the call ended meanwhile. A failure (the database is down) ends the call politely.
     */
    <T> void fetch(String what, Function<Voicemail, T> step, Consumer<T> then) {
        work.run(what, () -> step.apply(voicemail), result -> {
            if (!ended) {
                then.accept(result);
            }
        }, failure -> {
            if (!ended) {
                say(phrases.say("please-try-again", "goodbye"), () -> hangUp("voicemail unavailable"));
            }
        });
    }

    /** "Goodbye", then the PBX hangs up. */
    void goodbye() {
        say(phrases.say("goodbye"), () -> hangUp("voicemail goodbye"));
    }

    void hangUp(String cause) {
        leg.hangUp(cause);
    }

    // ---- the leg's events ----

    @Override
    public void answered(PbxLeg answeredLeg) {
        leg = answeredLeg;
        go(first.apply(this));
    }

    @Override
    public void digitsCollected(PbxLeg pbxLeg, DigitCollection.Result result) {
        if (ended) {
            return;
        }
        if (result.digits().isEmpty() && result.ending() == DigitCollection.Ending.TIMEOUT) {
            if (++unanswered >= MAX_UNANSWERED) {
                goodbye();
            } else {
                menu.noKey();
            }
            return;
        }
        unanswered = 0;
        if (afterPlayback == null) {
            leg.stopPlayback(); // the caller knows what they want: the rest of the prompt is cut
        }
        menu.keys(result.digits());
    }

    @Override
    public void playbackFinished(PbxLeg pbxLeg, long playbackId, PlaybackEnd reason) {
        if (playbackId != playback || reason == PlaybackEnd.REPLACED || reason == PlaybackEnd.CLOSED
                || afterPlayback == null) {
            return;
        }
        Runnable then = afterPlayback;
        afterPlayback = null;
        then.run();
    }

    @Override
    public void recordingFinished(PbxLeg pbxLeg, RecordingResult result) {
        menu.recorded(result);
    }

    @Override
    public void ended(String cause) {
        ended = true;
    }

    /** The clips one after another. */
    static AudioClip join(AudioClip... clips) {
        return AudioClip.concat(List.of(clips));
    }
}
