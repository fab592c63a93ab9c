package org.switchboard.sip.message;

import java.util.List;
import java.util.Optional;

/**
 * What RFC 3261 §8.2.6 needs to answer a request that could not be parsed: the header fields a
 * response copies (every Via line, and the first From, To, Call-ID and CSeq present) exactly as
 * they were written, the request's method, and its top Via when that can be read (the response
 * is then routed by RFC 3261 §18.2.2; otherwise it can only go back where the request came from).
 * A header that is missing or unreadable is copied as it was, or left out: a peer matches the
 * answer by its own Via branch and Call-ID, and a faulty CSeq is the peer's own text. Immutable;
 * any thread may use it.
 */
public record RequestEssentials(SipMethod method, List<Header> copied, Optional<Via> topVia) {

    public RequestEssentials {
        copied = List.copyOf(copied);
        if (copied.stream().noneMatch(h -> h.name().equals(HeaderName.VIA))) {
            throw new IllegalArgumentException("a response needs at least one Via");
        }
    }

    /** A {@code status reason} response to the request, its header fields copied as written. */
    public SipResponse respond(int status, String reason) {
        return SipResponse.checked(status, reason, new SipHeaders(copied.toArray(Header[]::new)), new byte[0]);
    }

    /** The same, with {@code stamped} (the top Via with received/rport) in place of the top Via. */
    public SipResponse respond(int status, String reason, Via stamped) {
        SipHeaders headers = new SipHeaders(copied.toArray(Header[]::new));
        return SipResponse.checked(status, reason, headers.replacedTopVia(stamped), new byte[0]);
    }
}
