package org.switchboard.sip.message;

import java.util.Optional;

/**
 * Thrown when bytes or a header value do not follow the SIP grammar. The {@link #reason()} is short
 * and safe to put in a response status line ({@code 400 <reason>}); {@link #status()} says which
 * status the fault calls for (400; 505 for an unknown protocol version, 513 for an oversize
 * message, 501 for an unknown method whose CSeq names another). When the parser read
 * enough of a request to answer it, {@link #essentials()} holds what a response needs. Immutable; any thread may use it.
 */
public final class SipParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int status;
    private final transient RequestEssentials essentials;

    public SipParseException(String reason) {
        this(reason, 400, null);
    }

    /** @param essentialsOrNull what a response needs, or null when it could not be read */
    public SipParseException(String reason, int status, RequestEssentials essentialsOrNull) {
        // no stack trace: this is an expected outcome for bad input, thrown on the event loop
        super(reason, null, false, false);
        this.reason = reason;
        this.status = status;
        this.essentials = essentialsOrNull;
    }

    /** A short phrase naming the fault, usable as a reason phrase. */
    public String reason() {
        return reason;
    }

    /** The response status the fault calls for: 400, 501, 505 or 513 (see the class comment). */
    public int status() {
        return status;
    }

    /** What a response to the faulty request needs, when it could be read. */
    public Optional<RequestEssentials> essentials() {
        return Optional.ofNullable(essentials);
    }

    /** The same fault, now carrying what is needed to answer the request. */
    public SipParseException withEssentials(RequestEssentials found) {
        return new SipParseException(reason, status, found);
    }
}
