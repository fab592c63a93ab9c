package org.switchboard.pbx.voicemail.calls;

import org.switchboard.media.endpoint.RecordingResult;

/**
 * One menu of a caller's session with their mailbox (logging in, the mailbox menu, the messages,
 * the greetings, a new PIN), as a small state machine that the {@link MailboxCall} it belongs to
 * feeds: it is entered, gets the keys the caller pressed, and moves the call on to another menu.
 * Owned by the call's executor.
 */
interface Menu {

    /** The caller arrives here: say what the menu offers and ask for a key. */
    void enter();

    /** The caller pressed {@code keys} (a single key, or a number ended by {@code #}; empty when only {@code #} came). */
    void keys(String keys);

    /** No key came in time after the prompt: by default the menu is offered again. */
    default void noKey() {
        enter();
    }

    /** A recording this menu started ended (also after the call ended, so a half file can be removed). */
    default void recorded(RecordingResult result) {}
}
