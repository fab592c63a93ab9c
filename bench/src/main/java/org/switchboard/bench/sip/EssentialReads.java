package org.switchboard.bench.sip;

import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipRequest;

/**
 * What the transaction and dialog layers read of every received message: the top Via's branch,
 * Call-ID, CSeq, the From and To tags and, for a request, the Request-URI. The parser leaves the
 * typed forms of plainly written headers to first use, so a figure for parsing alone no longer
 * includes them; this puts them back.
 */
final class EssentialReads {
    private EssentialReads() {}

    /** Reads them all; returns a number derived from them, so the JIT cannot drop the reads. */
    static int read(SipMessage m) {
        int sum = m.topVia().flatMap(v -> v.branch()).map(String::length).orElse(0);
        sum += m.callId().length();
        sum += (int) m.cseq().number();
        sum += m.from().tag().map(String::length).orElse(0);
        sum += m.to().tag().map(String::length).orElse(0);
        if (m instanceof SipRequest r) {
            sum += r.requestUri().scheme().length();
        }
        return sum;
    }
}
