package org.switchboard.pbx.voicemail;

import java.nio.file.Path;

/**
 * Told after a box's messages changed (committed): message waiting notifies the box's phones,
 * the mailer sends new messages by e-mail. Called on the thread that made the change (a virtual
 * thread or an HTTP worker); implementations hand slow work off and never throw.
 */
public interface MailboxListener {

    /** The box's counts after any change (a message left, listened to, moved or deleted). */
    void changed(MailboxCounts counts);

    /** A message was left in {@code box}; {@code audio} is its WAV. */
    default void deposited(VoicemailBox box, VoicemailMessage message, Path audio) {}
}
