package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads and checks the headers every message must carry (RFC 3261 §8.1.1). Stateless; any thread may call it. */
final class Essentials {
    /** The header fields besides Via that a response copies from its request (RFC 3261 §8.2.6.2). */
    private static final List<String> COPIED_ONCE =
            List.of(HeaderName.FROM, HeaderName.TO, HeaderName.CALL_ID, HeaderName.CSEQ);

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
     * The same checks as {@link #check} for a message read from the wire, plus that it has a Via
     * and, for a request, that the CSeq method is {@code requestMethodOrNull}: a header in its
     * plain form ({@link WireShape}) is proven valid without being parsed, and its typed form
     * waits for first use; any other is parsed now. The faults come in the order of {@link
     * #check}, each naming its header.
     */
    static void checkReceived(SipMessage m, SipMethod requestMethodOrNull) {
        SipHeaders h = m.headers();
        inHeader(HeaderName.FROM, () -> {
            if (!plainSingle(h, HeaderName.FROM, WireShape::isNameAddress)) {
                m.from();
            }
        });
        inHeader(HeaderName.TO, () -> {
            if (!plainSingle(h, HeaderName.TO, WireShape::isNameAddress)) {
                m.to();
            }
        });
        if (!plainSingle(h, HeaderName.CALL_ID, WireShape::isCallId)) {
            m.callId(); // every fault of Call-ID names it already
        }
        int cseq = h.indexOfConstant(HeaderName.CSEQ, 0);
        boolean plainCSeq = cseq >= 0
                && h.indexOfConstant(HeaderName.CSEQ, cseq + 1) < 0
                && h.raw()[cseq].hasWireShape((b, from, to) -> WireShape.isCSeq(b, from, to, requestMethodOrNull));
        CSeq[] parsedCSeq = new CSeq[1];
        if (!plainCSeq) {
            inHeader(HeaderName.CSEQ, () -> parsedCSeq[0] = m.cseq());
        }
        Header[] all = h.raw();
        for (int i = h.indexOfConstant(HeaderName.VIA, 0); i >= 0; i = h.indexOfConstant(HeaderName.VIA, i + 1)) {
            Header via = all[i];
            if (!via.hasWireShape(WireShape::isVia)) {
                inHeader(HeaderName.VIA, () -> via.typed(Via::parseList));
            }
        }
        if (h.indexOfConstant(HeaderName.VIA, 0) < 0) {
            throw new SipParseException("Missing Via");
        }
        if (parsedCSeq[0] != null && requestMethodOrNull != null && !parsedCSeq[0].method().equals(requestMethodOrNull)) {
            // RFC 4475 §3.1.2.18: for a method nobody knows, 501 is the more future-proof answer
            throw requestMethodOrNull.isWellKnown()
                    ? new SipParseException("CSeq method does not match request method")
                    : new SipParseException("Not Implemented: CSeq method does not match request method", 501, null);
        }
    }

    /** Runs a check of {@code header}; a fault it finds is rethrown naming the header. */
    private static void inHeader(String header, Runnable check) {
        try {
            check.run();
        } catch (SipParseException e) {
            throw naming(header, e);
        }
    }

    /**
     * The fault with a reason phrase that names the header it was found in (RFC 4475 §3.1.2.4
     * expects "the CSeq error" to be named), as {@code Bad To: Unterminated quoted string}.
     */
    private static SipParseException naming(String header, SipParseException e) {
        if (e.reason().toLowerCase(Locale.ROOT).contains(header.toLowerCase(Locale.ROOT))) {
            return e;
        }
        return new SipParseException("Bad " + header + ": " + e.reason(), e.status(), null);
    }

    /** Whether the header {@code constant} occurs exactly once and in its plain form. */
    private static boolean plainSingle(SipHeaders h, String constant, WireShape.Shape shape) {
        int i = h.indexOfConstant(constant, 0);
        return i >= 0 && h.indexOfConstant(constant, i + 1) < 0 && h.raw()[i].hasWireShape(shape);
    }

    /**
     * What a response to a request with these headers needs, or null when it has no Via line (a
     * response without one cannot be matched by anyone). Reads nothing but the top Via line.
     */
    static RequestEssentials read(SipMethod method, SipHeaders h) {
        int firstVia = h.indexOfConstant(HeaderName.VIA, 0);
        if (firstVia < 0) {
            return null;
        }
        List<Header> copied = new ArrayList<>(8);
        Header[] all = h.raw();
        for (int i = firstVia; i >= 0; i = h.indexOfConstant(HeaderName.VIA, i + 1)) {
            copied.add(all[i]);
        }
        for (String name : COPIED_ONCE) {
            int i = h.indexOfConstant(name, 0);
            if (i >= 0) {
                copied.add(all[i]);
            }
        }
        Optional<Via> top;
        try {
            top = Optional.of(all[firstVia].typed(Via::parseList).getFirst());
        } catch (SipParseException unreadable) {
            // answered anyway, back to where the request came from (see RequestEssentials)
            top = Optional.empty();
        }
        return new RequestEssentials(method, copied, top);
    }
}
