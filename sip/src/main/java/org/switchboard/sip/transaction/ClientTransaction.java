package org.switchboard.sip.transaction;

import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transport.Flow;

/**
 * A request we sent and its transaction: the request as it went out (with our Via and branch) and
 * the flow it took; a request that moved to TCP for its size and could not connect is sent again
 * over UDP, and this then names that attempt. Created on, and owned by, the serial executor of the
 * request's Call-ID.
 */
public final class ClientTransaction {
    private SipRequest request;
    private Flow flow;
    private ClientInviteTransaction<?> invite;

    /** @param invite the INVITE machine, or null for any other method */
    ClientTransaction(SipRequest request, Flow flow, ClientInviteTransaction<?> invite) {
        this.request = request;
        this.flow = flow;
        this.invite = invite;
    }

    /** From now on the request is the one {@code retry} sent (RFC 3261 §18.1.1's retry over UDP). */
    void movedTo(ClientTransaction retry) {
        request = retry.request;
        flow = retry.flow;
        invite = retry.invite;
    }

    /** RFC 3261 §9.1: an INVITE may be cancelled after a provisional and before a final response. */
    boolean isCancellable() {
        return invite != null && invite.state() == ClientInviteTransaction.State.PROCEEDING;
    }

    /** The request as sent, top Via included. */
    public SipRequest request() {
        return request;
    }

    /** The transport and destination the request was sent to (local address filled in for UDP). */
    public Flow flow() {
        return flow;
    }
}
