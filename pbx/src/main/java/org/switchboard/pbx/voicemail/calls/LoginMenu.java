package org.switchboard.pbx.voicemail.calls;

import java.util.Optional;
import org.switchboard.pbx.voicemail.PinCheck;
import org.switchboard.pbx.voicemail.VoicemailBox;

/**
 * Logging in to a box: the box number is asked for unless the destination named it, then its PIN
 * (skipped when the caller's own box lets its owner's phone in without one). A wrong PIN is said so
 * and asked again, up to {@link #MAX_WRONG_PINS} per call; a locked box says so and hangs up. An
 * unknown box number is answered like a wrong PIN, so callers cannot probe for boxes.
 * Owned by the call's executor.
 */
final class LoginMenu implements Menu {
    /** Wrong PINs a call may try before the PBX hangs up (the box's own lock-out counts across calls). */
    static final int MAX_WRONG_PINS = 3;

    private enum Step { BOX, PIN }

    private final MailboxCall call;
    private final Optional<String> named;
    private final boolean ownPhone;
    private Step step;
    private String box;
    private int wrongPins;

    private LoginMenu(MailboxCall call, Optional<String> named, boolean ownPhone) {
        this.call = call;
        this.named = named;
        this.ownPhone = ownPhone;
    }

    /** The caller's own box ({@code *97}). */
    static LoginMenu ownBox(MailboxCall call) {
        return new LoginMenu(call, Optional.of(call.caller()), true);
    }

    /** A box the caller names ({@code *98}). */
    static LoginMenu askedBox(MailboxCall call) {
        return new LoginMenu(call, Optional.empty(), false);
    }

    /** The box {@code number} a rule names: its PIN is always asked. */
    static LoginMenu namedBox(MailboxCall call, String number) {
        return new LoginMenu(call, Optional.of(number), false);
    }

    @Override
    public void enter() {
        if (named.isEmpty()) {
            askBox();
            return;
        }
        box = named.get();
        if (!ownPhone) {
            askPin();
            return;
        }
        call.fetch("voicemail box " + box, voicemail -> voicemail.box(box), found -> {
            if (found.filter(VoicemailBox::ownPhoneSkipsPin).isPresent()) {
                open();
            } else if (found.isEmpty()) {
                call.say(call.phrases().say("not-available", "goodbye"), () -> call.hangUp("voicemail box unknown"));
            } else {
                askPin();
            }
        });
    }

    @Override
    public void noKey() {
        if (step == Step.BOX) {
            askBox();
        } else {
            askPin();
        }
    }

    @Override
    public void keys(String keys) {
        if (step == Step.BOX) {
            box = keys;
            askPin();
            return;
        }
        String number = box;
        call.fetch("voicemail PIN check " + number,
                voicemail -> voicemail.box(number).isPresent() ? voicemail.checkPin(number, keys) : PinCheck.WRONG,
                this::checked);
    }

    private void checked(PinCheck check) {
        switch (check) {
            case ACCEPTED -> open();
            case LOCKED -> call.say(call.phrases().say("locked-out", "goodbye"), () -> call.hangUp("voicemail box locked"));
            case WRONG -> {
                if (++wrongPins >= MAX_WRONG_PINS) {
                    call.say(call.phrases().say("pin-incorrect", "goodbye"),
                            () -> call.hangUp("voicemail PIN wrong " + MAX_WRONG_PINS + " times"));
                } else {
                    call.say(call.phrases().say("pin-incorrect"), named.isEmpty() ? this::askBox : this::askPin);
                }
            }
        }
    }

    private void askBox() {
        step = Step.BOX;
        call.askNumber(call.phrases().say("enter-mailbox"));
    }

    private void askPin() {
        step = Step.PIN;
        call.askNumber(call.phrases().say("enter-pin"));
    }

    private void open() {
        call.go(new MainMenu(call, box));
    }
}
