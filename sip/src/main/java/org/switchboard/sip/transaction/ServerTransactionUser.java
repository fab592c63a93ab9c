package org.switchboard.sip.transaction;

import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transport.Flow;

/**
 * The transaction user above the server transactions (the application surface). Every call runs
 * on the serial executor of the request's Call-ID.
 */
public interface ServerTransactionUser {
    /** A new request (never a retransmission, never ACK); answer it through the transaction. */
    void onRequest(ServerTransaction transaction);

    /** An ACK matching no transaction: the ACK for a 2xx, which belongs to the dialog (§17.1.1.3). */
    void onAck(SipRequest ack, Flow flow);

    /** A CANCEL ended this INVITE with 487 (RFC 3261 §9.2); the call should be torn down. */
    void onCancelled(ServerTransaction invite);

    /** Timer H or L: the ACK for our final response to this INVITE never came. */
    void onAckTimeout(ServerTransaction invite);
}
