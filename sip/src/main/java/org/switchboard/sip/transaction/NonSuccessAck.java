package org.switchboard.sip.transaction;

import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Builds the ACK a client INVITE transaction sends for a 300-699 response (RFC 3261 §17.1.1.3):
 * same Request-URI, Call-ID, From, CSeq number and top Via as the INVITE, the To of the response,
 * and the INVITE's Route headers. Stateless; any thread.
 */
final class NonSuccessAck {
    private NonSuccessAck() {}

    static SipRequest of(SipRequest invite, SipResponse response) {
        SipRequest.Builder ack = SipRequest.builder(SipMethod.ACK, invite.requestUri())
                .via(invite.topVia().orElseThrow())
                .from(invite.from())
                .to(response.to())
                .callId(invite.callId())
                .cseq(invite.cseq().number())
                .maxForwards(70);
        for (String route : invite.headers().values(HeaderName.ROUTE)) {
            ack.header(HeaderName.ROUTE, route);
        }
        return ack.build();
    }
}
