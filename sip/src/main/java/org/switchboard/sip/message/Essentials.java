package org.switchboard.sip.message;

import java.util.List;

/** Reads and checks the headers every message must carry (RFC 3261 §8.1.1). Stateless; any thread may call it. */
final class Essentials {
    private Essentials() {}

    /** Parses From, To, Call-ID, CSeq and the Vias; throws the first fault. */
    static void check(SipMessage m) {
        m.from();
        m.to();
        m.callId();
        m.cseq();
        m.vias();
    }

    /**
     * The same checks as {@link #check} for a message read from the wire, plus, for a request,
     * that the CSeq method is {@code requestMethodOrNull}: a header in its plain form
     * ({@link WireShape}) is proven valid without being parsed, and its typed form waits for first
     * use; any other is parsed now. The faults and their order are those of {@link #check}.
     */
    static void checkReceived(SipMessage m, SipMethod requestMethodOrNull) {
        SipHeaders h = m.headers();
        if (!plainSingle(h, HeaderName.FROM, WireShape::isNameAddress)) {
            m.from();
        }
        if (!plainSingle(h, HeaderName.TO, WireShape::isNameAddress)) {
            m.to();
        }
        if (!plainSingle(h, HeaderName.CALL_ID, WireShape::isCallId)) {
            m.callId();
        }
        int cseq = h.indexOfConstant(HeaderName.CSEQ, 0);
        boolean plainCSeq = cseq >= 0
                && h.indexOfConstant(HeaderName.CSEQ, cseq + 1) < 0
                && h.raw()[cseq].hasWireShape((b, from, to) -> WireShape.isCSeq(b, from, to, requestMethodOrNull));
        CSeq parsedCSeq = plainCSeq ? null : m.cseq();
        Header[] all = h.raw();
        for (int i = h.indexOfConstant(HeaderName.VIA, 0); i >= 0; i = h.indexOfConstant(HeaderName.VIA, i + 1)) {
            if (!all[i].hasWireShape(WireShape::isVia)) {
                all[i].typed(Via::parseList);
            }
        }
        if (parsedCSeq != null && requestMethodOrNull != null && !parsedCSeq.method().equals(requestMethodOrNull)) {
            throw new SipParseException("CSeq method does not match request method");
        }
    }

    /** Whether the header {@code constant} occurs exactly once and in its plain form. */
    private static boolean plainSingle(SipHeaders h, String constant, WireShape.Shape shape) {
        int i = h.indexOfConstant(constant, 0);
        return i >= 0 && h.indexOfConstant(constant, i + 1) < 0 && h.raw()[i].hasWireShape(shape);
    }

    /** What a response to a request with these headers needs, or null when any part is unreadable. */
    static RequestEssentials read(SipHeaders h) {
        try {
            SipRequest probe = new SipRequest(SipMethod.OPTIONS, SipUri.ofHost("invalid"), "", h, new byte[0]);
            List<Via> vias = probe.vias();
            if (vias.isEmpty()) {
                return null;
            }
            return new RequestEssentials(vias, probe.from(), probe.to(), probe.callId(), probe.cseq());
        } catch (SipParseException unanswerable) {
            // one of the five is unreadable: no response can be built, which the caller reports
            return null;
        }
    }
}
