package org.switchboard.pbx.voicemail.calls;

/**
 * The mailbox menu, once logged in (keys as the {@code mailbox-menu} prompt says them): 1 the
 * messages, 3 the greetings, 4 a new PIN, * (or #) leave. On the first visit the caller hears how
 * many new and old messages the box holds. Owned by the call's executor.
 */
final class MainMenu implements Menu {
    private final MailboxCall call;
    private final String box;
    private boolean countsSaid;

    MainMenu(MailboxCall call, String box) {
        this.call = call;
        this.box = box;
    }

    @Override
    public void enter() {
        if (countsSaid) {
            call.askKey(call.phrases().say("mailbox-menu"));
            return;
        }
        call.fetch("voicemail counts " + box, voicemail -> voicemail.counts(box), counts -> {
            countsSaid = true;
            call.askKey(MailboxCall.join(call.phrases().counts(counts), call.phrases().say("mailbox-menu")));
        });
    }

    @Override
    public void keys(String keys) {
        switch (keys) {
            case "1" -> call.go(new MessagesMenu(call, box, this));
            case "3" -> call.go(new GreetingsMenu(call, box, this));
            case "4" -> call.go(new PinChange(call, box, this));
            case "*", "#" -> call.goodbye();
            default -> call.askKey(call.phrases().say("invalid-option", "mailbox-menu"));
        }
    }
}
