package org.switchboard.pbx.voicemail.mwi;

import java.nio.charset.StandardCharsets;
import org.switchboard.pbx.voicemail.MailboxCounts;
import org.switchboard.sip.event.EventState;

/**
 * The {@code application/simple-message-summary} body (RFC 3842 §5.2) for one box: whether new
 * messages wait, the account they are in, and the voice message counts (urgent counts are always
 * 0: boxes have no urgent messages). Stateless.
 */
public final class MessageSummary {
    /** The event package name (RFC 3842 §3.1). */
    public static final String EVENT = "message-summary";
    public static final String CONTENT_TYPE = "application/simple-message-summary";

    private MessageSummary() {}

    /** The body for {@code counts}, naming {@code sip:BOX@domain} as the account. */
    public static EventState of(MailboxCounts counts, String domain) {
        String text = "Messages-Waiting: " + (counts.newMessages() > 0 ? "yes" : "no") + "\r\n"
                + "Message-Account: sip:" + counts.box() + "@" + domain + "\r\n"
                + "Voice-Message: " + counts.newMessages() + "/" + counts.oldMessages() + " (0/0)\r\n";
        return new EventState(CONTENT_TYPE, text.getBytes(StandardCharsets.US_ASCII));
    }
}
