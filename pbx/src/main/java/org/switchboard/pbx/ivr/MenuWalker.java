package org.switchboard.pbx.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.call.DigitCollection;
import org.switchboard.pbx.call.PbxLeg;
import org.switchboard.pbx.call.PbxLegListener;
import org.switchboard.pbx.prompt.Prompts;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.store.ivr.Menu;
import org.switchboard.store.ivr.MenuAction;
import org.switchboard.store.ivr.MenuOption;

/**
 * One caller in the attendant: offers a menu (its greeting, with a key accepted at any moment),
 * acts on the key, offers the menu again after a timeout or an invalid key until its retries are
 * used, then takes the menu's final action. A key that is no option but begins an extension number
 * starts direct dialling ({@link NumberEntry}). Leaving the attendant goes through {@link
 * PbxLeg#transfer}, after the {@code transferring} prompt.
 *
 * <p>Owned by the call's executor: every method runs there, and reads menus and prompts from memory.
 */
final class MenuWalker implements PbxLegListener {
    private static final Logger log = LoggerFactory.getLogger(MenuWalker.class);
    /** A caller who never chooses would loop through repeat actions forever while sending RTP. */
    private static final int MAX_OFFERS = 20;

    private enum State { OFFERING, NUMBER, TRANSFERRING, LEAVING, DONE }

    private final AttendantService attendant;
    private final Prompts prompts;
    private final ExtensionNumbers numbers;
    private Menu menu;
    private State state = State.OFFERING;
    private int attempts;
    private int offers;
    private long playback = -1;
    private NumberEntry entry;
    private Destination pending;
    private boolean pendingIsFinal;
    private String leaveCause = "";

    MenuWalker(Menu menu, AttendantService attendant, Prompts prompts, ExtensionNumbers numbers) {
        this.menu = menu;
        this.attendant = attendant;
        this.prompts = prompts;
        this.numbers = numbers;
    }

    @Override
    public void answered(PbxLeg leg) {
        offer(leg, List.of());
    }

    @Override
    public void digitsCollected(PbxLeg leg, DigitCollection.Result result) {
        switch (state) {
            case OFFERING -> {
                if (result.digits().isEmpty()) {
                    timedOut(leg);
                } else {
                    pressed(leg, result.digits());
                }
            }
            case NUMBER -> numberKey(leg, result.digits());
            case TRANSFERRING, LEAVING, DONE -> { }
        }
    }

    @Override
    public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
        if (playbackId != playback || reason != PlaybackEnd.COMPLETED) {
            return;
        }
        if (state == State.TRANSFERRING) {
            log.info("attendant transfers menu={} caller={} to={}:{}", menu.name(), leg.caller(), pending.kind(), pending.target());
            leg.transfer(pending);
        } else if (state == State.LEAVING) {
            state = State.DONE;
            leg.hangUp(leaveCause);
        }
    }

    @Override
    public void transferred(PbxLeg leg, Destination to) {
        state = State.DONE;
    }

    @Override
    public void transferFailed(PbxLeg leg, Destination to, int status, String reason) {
        log.info("attendant transfer failed menu={} to={}:{} status={} reason={}", menu.name(), to.kind(), to.target(), status,
                reason);
        if (pendingIsFinal || attempts >= menu.retries()) {
            leave(leg, "attendant: " + to.kind() + " " + to.target() + " failed " + status);
        } else {
            attempts++;
            offer(leg, List.of("please-try-again"));
        }
    }

    @Override
    public void ended(String cause) {
        state = State.DONE;
    }

    /** Plays {@code before} then the greeting, and waits for one key until the menu's timeout after it. */
    private void offer(PbxLeg leg, List<String> before) {
        if (++offers > MAX_OFFERS) {
            leave(leg, "attendant: no choice after " + MAX_OFFERS + " offers");
            return;
        }
        state = State.OFFERING;
        List<AudioClip> clips = new ArrayList<>();
        before.forEach(name -> clips.add(prompt(name)));
        clips.add(prompt(menu.greeting()));
        AudioClip clip = AudioClip.concat(clips);
        playback = leg.play(clip.source());
        Duration timeout = Duration.ofSeconds(menu.timeoutSeconds());
        leg.collectDigits(new DigitCollection(1, Optional.empty(), clip.duration().plus(timeout), timeout));
    }

    private void pressed(PbxLeg leg, String key) {
        leg.stopPlayback();
        Optional<MenuOption> option = menu.options().stream().filter(o -> o.digit().equals(key)).findFirst();
        if (option.isPresent()) {
            act(leg, option.get().then(), false);
        } else if (attendant.settings().directDialEnabled() && numbers.anyStartsWith(key)) {
            startNumber(leg, Duration.ZERO);
            numberKey(leg, key);
        } else {
            invalid(leg);
        }
    }

    private void act(PbxLeg leg, MenuAction action, boolean last) {
        switch (AttendantAction.of(action.action()).orElse(AttendantAction.DESTINATION)) {
            case MENU -> attendant.menu(action.target()).ifPresentOrElse(next -> {
                menu = next;
                attempts = 0;
                offer(leg, List.of());
            }, () -> leave(leg, "attendant: menu " + action.target() + " is gone"));
            case REPEAT -> offer(leg, List.of());
            case HANGUP -> leave(leg, "attendant hangup in menu " + menu.name());
            case DIAL_BY_EXTENSION -> {
                AudioClip ask = prompt("enter-extension");
                playback = leg.play(ask.source());
                startNumber(leg, ask.duration().plusSeconds(menu.timeoutSeconds()));
            }
            case DESTINATION -> transfer(leg, new Destination(action.action(), action.target()), last);
        }
    }

    private void startNumber(PbxLeg leg, Duration firstKeyWait) {
        state = State.NUMBER;
        entry = new NumberEntry(numbers);
        if (!firstKeyWait.isZero()) {
            collectKey(leg, firstKeyWait);
        }
    }

    private void numberKey(PbxLeg leg, String keys) {
        leg.stopPlayback();
        switch (entry.press(keys)) {
            case COMPLETE -> transfer(leg, new Destination("extension", entry.number()), false);
            case MORE -> collectKey(leg, attendant.settings().directDialTimeout());
            case NONE -> {
                if (entry.number().isEmpty()) {
                    timedOut(leg);
                } else {
                    invalid(leg);
                }
            }
        }
    }

    private void collectKey(PbxLeg leg, Duration wait) {
        leg.collectDigits(new DigitCollection(1, Optional.empty(), wait, wait));
    }

    private void transfer(PbxLeg leg, Destination to, boolean last) {
        state = State.TRANSFERRING;
        pending = to;
        pendingIsFinal = last;
        playback = leg.play(prompt("transferring").source());
    }

    private void timedOut(PbxLeg leg) {
        if (attempts < menu.retries()) {
            attempts++;
            offer(leg, List.of());
        } else {
            act(leg, menu.timeoutAction(), true);
        }
    }

    private void invalid(PbxLeg leg) {
        if (attempts < menu.retries()) {
            attempts++;
            offer(leg, List.of("invalid-option", "please-try-again"));
        } else {
            act(leg, menu.invalidAction(), true);
        }
    }

    private void leave(PbxLeg leg, String cause) {
        state = State.LEAVING;
        leaveCause = cause;
        playback = leg.play(prompt("goodbye").source());
    }

    /** A prompt by name; a greeting whose upload was deleted without a shipped one is a short silence, logged. */
    private AudioClip prompt(String name) {
        try {
            return prompts.get(name);
        } catch (IllegalArgumentException e) {
            log.warn("attendant prompt missing, silence played prompt={} menu={}", name, menu.name());
            return AudioClip.silence(Duration.ofMillis(200));
        }
    }
}
