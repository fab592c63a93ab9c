package org.switchboard.sip.app;

import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Flow;

/**
 * How a PBX service plugs into the stack: it is told of each new request (retransmissions never
 * reach it) and of the dialog-level events the transaction layer cannot handle itself. Every
 * callback runs on the serial executor of the message's Call-ID, so an implementation keeps its
 * per-call state in plain fields and must not block (start I/O on a virtual thread and post the
 * result back with {@link SipStack#executorFor(String)}).
 */
public interface SipApplication {
    /** A new request; answer it with {@link ServerTransaction#respond}. */
    void onRequest(ServerTransaction transaction);

    /** The ACK for a 2xx we sent (RFC 3261 §13.3.1.4); it confirms the dialog. */
    default void onAck(SipRequest ack, Flow flow) {}

    /** A CANCEL ended this INVITE, the stack already answered 487 (RFC 3261 §9.2). */
    default void onCancelled(ServerTransaction invite) {}

    /** No ACK came for our final response to this INVITE (Timer H or L): end the dialog with BYE. */
    default void onAckTimeout(ServerTransaction invite) {}
}
