package org.switchboard.pbx.voicemail.calls;

import org.switchboard.pbx.voicemail.Greeting;

/**
 * The greetings menu (keys as the {@code greetings-menu} prompt says them): 1 the unavailable
 * greeting, 2 the busy greeting, 3 the name, each recorded by a {@link GreetingRecording}; * back
 * to the mailbox menu, # leave. Owned by the call's executor.
 */
final class GreetingsMenu implements Menu {
    private final MailboxCall call;
    private final String box;
    private final Menu back;

    GreetingsMenu(MailboxCall call, String box, Menu back) {
        this.call = call;
        this.box = box;
        this.back = back;
    }

    @Override
    public void enter() {
        call.askKey(call.phrases().say("greetings-menu"));
    }

    @Override
    public void keys(String keys) {
        switch (keys) {
            case "1" -> record(Greeting.UNAVAILABLE);
            case "2" -> record(Greeting.BUSY);
            case "3" -> record(Greeting.NAME);
            case "*" -> call.go(back);
            case "#" -> call.goodbye();
            default -> call.askKey(call.phrases().say("invalid-option", "greetings-menu"));
        }
    }

    private void record(Greeting kind) {
        call.go(new GreetingRecording(call, box, kind, this));
    }
}
