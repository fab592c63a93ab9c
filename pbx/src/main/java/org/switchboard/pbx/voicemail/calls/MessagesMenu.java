package org.switchboard.pbx.voicemail.calls;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.pbx.voicemail.Folder;
import org.switchboard.pbx.voicemail.Voicemail;
import org.switchboard.pbx.voicemail.VoicemailMessage;

/**
 * The box's messages, new ones first, then old ones, each oldest first: who left it and when, the
 * message, then the {@code message-menu} keys: 5 again, 6 next, 7 delete, 9 save (keep it in old),
 * * back to the mailbox menu, # leave. A new message moves to old as it starts playing (the owner
 * has heard it). After the last one: {@code no-more-messages}, back to the mailbox menu.
 * Owned by the call's executor.
 */
final class MessagesMenu implements Menu {
    private final MailboxCall call;
    private final String box;
    private final Menu back;
    private List<VoicemailMessage> messages = List.of();
    private int index;
    private AudioClip playing;

    MessagesMenu(MailboxCall call, String box, Menu back) {
        this.call = call;
        this.box = box;
        this.back = back;
    }

    @Override
    public void enter() {
        call.fetch("voicemail messages " + box, this::newThenOld, found -> {
            messages = found;
            if (found.isEmpty()) {
                call.say(call.phrases().say("no-messages"), () -> call.go(back));
            } else {
                play(0);
            }
        });
    }

    private List<VoicemailMessage> newThenOld(Voicemail voicemail) {
        List<VoicemailMessage> all = new ArrayList<>(voicemail.messages(box, Folder.NEW));
        all.addAll(voicemail.messages(box, Folder.OLD));
        return all;
    }

    private void play(int at) {
        index = at;
        if (at >= messages.size()) {
            call.say(call.phrases().say("no-more-messages"), () -> call.go(back));
            return;
        }
        VoicemailMessage message = messages.get(at);
        call.fetch("voicemail message " + message.id(), voicemail -> listenTo(voicemail, message), audio -> {
            if (audio.isEmpty()) {
                play(at + 1); // deleted meanwhile (by the API or another call)
                return;
            }
            playing = MailboxCall.join(call.phrases().header(message), audio.get(), call.phrases().pause());
            listen();
        });
    }

    /** The message's audio; a new message becomes old as its owner hears it. */
    private Optional<AudioClip> listenTo(Voicemail voicemail, VoicemailMessage message) {
        Optional<AudioClip> audio = voicemail.audio(box, message.id()).map(DepositPlan::load);
        if (audio.isPresent() && message.folder() == Folder.NEW) {
            voicemail.move(box, message.id(), Folder.OLD);
        }
        return audio;
    }

    private void listen() {
        call.askKey(MailboxCall.join(playing, call.phrases().say("message-menu")));
    }

    @Override
    public void noKey() {
        call.askKey(call.phrases().say("message-menu"));
    }

    @Override
    public void keys(String keys) {
        long id = messages.get(index).id();
        switch (keys) {
            case "5" -> listen();
            case "6" -> play(index + 1);
            case "7" -> call.fetch("voicemail delete " + id, voicemail -> voicemail.delete(box, id),
                    deleted -> call.say(call.phrases().say("message-deleted"), () -> play(index + 1)));
            case "9" -> call.fetch("voicemail save " + id, voicemail -> voicemail.move(box, id, Folder.OLD),
                    saved -> call.say(call.phrases().say("message-saved"), () -> play(index + 1)));
            case "*" -> call.go(back);
            case "#" -> call.goodbye();
            default -> call.askKey(call.phrases().say("invalid-option", "message-menu"));
        }
    }
}
