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
