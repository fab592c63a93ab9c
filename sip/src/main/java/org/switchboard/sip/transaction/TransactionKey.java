package org.switchboard.sip.transaction;

import java.util.Optional;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.Via;

/**
 * What matches a message to its transaction. RFC 3261 §17.2.3 and §17.1.3: the top Via branch
 * (with sent-by on the server side) and the method, ACK counting as INVITE. For a request whose
 * branch lacks the magic cookie (RFC 2543 peers) the key falls back to Call-ID, From tag, CSeq
 * number and the top Via as written. Immutable; any thread.
 */
public record TransactionKey(String branch, String sentBy, SipMethod method) {

    /** The server transaction key of a request; ACK and CANCEL key their INVITE's method as noted. */
    public static TransactionKey forServer(SipRequest request, SipMethod method) {
        Via top = request.topVia().orElseThrow();
        String sentBy = top.host().toLowerCase(java.util.Locale.ROOT) + ":" + top.port().orElse(-1);
        if (top.hasRfc3261Branch()) {
            return new TransactionKey(top.branch().orElseThrow(), sentBy, method);
        }
        // RFC 2543 fallback (§17.2.3): no unique branch, so identify by what the request carries.
        String legacy = "2543|" + request.callId() + "|" + request.from().tag().orElse("") + "|"
                + request.cseq().number() + "|" + top.branch().orElse("") + "|" + request.requestUri();
        return new TransactionKey(legacy, sentBy, method);
    }

    /** The server key a request belongs to: its own method, except ACK which joins its INVITE. */
    public static TransactionKey forServer(SipRequest request) {
        SipMethod method = request.method().equals(SipMethod.ACK) ? SipMethod.INVITE : request.method();
        return forServer(request, method);
    }

    /** The client key of a response: the branch we put in the top Via and the CSeq method. */
    public static Optional<TransactionKey> forClient(SipResponse response) {
        return response.topVia().flatMap(Via::branch).map(b -> new TransactionKey(b, "", response.cseq().method()));
    }

    /** The client key of a request we send with {@code branch}. */
    public static TransactionKey forClient(String branch, SipMethod method) {
        return new TransactionKey(branch, "", method);
    }
}
