package org.switchboard.sip.transport;

import java.util.Locale;
import org.switchboard.sip.message.SipParseException;

/**
 * What was wrong with input that could not be taken as a SIP message: a fixed set, so it can
 * label a metric without letting senders invent label values. Immutable; any thread.
 */
public enum InputFault {
    /** The request or status line breaks the grammar (RFC 3261 §7.1, §7.2). */
    START_LINE,
    /** A header every message needs (From, To, Call-ID, CSeq, Via) is absent. */
    MISSING_HEADER,
    /** A header breaks the grammar, is repeated where one is allowed, or contradicts the start line. */
    BAD_HEADER,
    /** Content-Length is unreadable, repeated with another value, or larger than the message. */
    CONTENT_LENGTH,
    /** A SIP version other than 2.0 (answered 505). */
    VERSION,
    /** Larger than the message size limit (answered 513 when possible). */
    TOO_LARGE,
    /** A TCP or TLS byte stream that cannot be cut into messages; the connection is closed. */
    UNFRAMEABLE_STREAM;

    /** The label value: lower case, as Prometheus labels usually are. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fault a parse failure stands for, read from its status and reason phrase. */
    public static InputFault of(SipParseException e) {
        String reason = e.reason();
        if (e.status() == 505) {
            return VERSION;
        }
        if (e.status() == 513) {
            return TOO_LARGE;
        }
        if (reason.startsWith("Missing ") && !reason.startsWith("Missing end of headers")) {
            return MISSING_HEADER;
        }
        if (reason.contains("Content-Length")) {
            return CONTENT_LENGTH;
        }
        if (reason.contains("Request-Line") || reason.contains("Status-Line") || reason.contains("start line")
                || reason.contains("Request-URI") || reason.startsWith("Status code") || reason.equals("Empty message")
                || reason.startsWith("Invalid method")) {
            return START_LINE;
        }
        return BAD_HEADER;
    }
}
