package org.switchboard.pbx.voicemail.calls;

/**
 * Changing the box's PIN: {@code enter-new-pin}, the digits ended by {@code #}; 4 to 10 digits are
 * stored ({@code pin-changed}, back to the mailbox menu), anything else is {@code invalid-option}
 * and asked again; * alone goes back unchanged. Owned by the call's executor.
 */
final class PinChange implements Menu {
    private final MailboxCall call;
    private final String box;
    private final Menu back;

    PinChange(MailboxCall call, String box, Menu back) {
        this.call = call;
        this.box = box;
        this.back = back;
    }

    @Override
    public void enter() {
        call.askNumber(call.phrases().say("enter-new-pin"));
    }

    @Override
    public void keys(String keys) {
        if (keys.startsWith("*")) {
            call.go(back);
            return;
        }
        if (!keys.matches("[0-9]{4,10}")) {
            call.askNumber(call.phrases().say("invalid-option", "enter-new-pin"));
            return;
        }
        call.fetch("voicemail PIN change " + box, voicemail -> {
            voicemail.changePin(box, keys);
            return true;
        }, changed -> call.say(call.phrases().say("pin-changed"), () -> call.go(back)));
    }
}
