package org.switchboard.sip.dialog;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.sip.message.SipRequest;

/**
 * The dialogs a service holds, by id, so an in-dialog request finds its dialog or is answered 481
 * (RFC 3261 §12.2.2). The map is concurrent because dialogs of different Call-IDs are added and
 * removed from different executors; each {@link Dialog} itself stays with its own executor.
 */
public final class DialogTable {
    private final Map<DialogId, Dialog> dialogs = new ConcurrentHashMap<>();

    public void add(Dialog dialog) {
        dialogs.put(dialog.id(), dialog);
    }

    /** The dialog an in-dialog request we received belongs to. */
    public Optional<Dialog> find(SipRequest request) {
        return DialogId.ofReceived(request).map(dialogs::get);
    }

    public void remove(DialogId id) {
        dialogs.remove(id);
    }

    public int size() {
        return dialogs.size();
    }
}
