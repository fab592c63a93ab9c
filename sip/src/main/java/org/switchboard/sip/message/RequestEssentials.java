package org.switchboard.sip.message;

import java.util.List;

/**
 * The parts of an unparseable request that RFC 3261 §8.2.6 needs to build a response to it: Via
 * list, From, To, Call-ID and CSeq, Immutable; any thread may use it.
 */
public record RequestEssentials(
        List<Via> vias, NameAddress from, NameAddress to, String callId, CSeq cseq) {

    public RequestEssentials {
        vias = List.copyOf(vias);
        if (vias.isEmpty()) {
            throw new IllegalArgumentException("a response needs at least one Via");
        }
    }

    /** A {@code status reason} response to the request these essentials came from. */
    public SipResponse respond(int status, String reason) {
        SipResponse.Builder b = SipResponse.builder(status, reason);
        b.header(HeaderName.VIA, Via.joined(vias));
        b.header(HeaderName.FROM, from.toString());
        b.header(HeaderName.TO, to.toString());
        b.header(HeaderName.CALL_ID, callId);
        b.header(HeaderName.CSEQ, cseq.toString());
        return b.build();
    }
}
