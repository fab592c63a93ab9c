package org.switchboard.pbx.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * A call in progress as call control and the registry see it, whatever runs it: a call the PBX
 * connects to a callee ({@link Call}), or one the PBX answers (or originates) itself for an
 * application ({@link PbxAnsweredCall}). Every method but {@link #id()} and {@link #executor()} runs on the
 * call's executor.
 */
interface CallSession {

    /** The call's id: its caller's Call-ID. */
    String id();

    /** The call's serial executor. */
    Executor executor();

    /** An in-dialog request (BYE, re-INVITE, UPDATE, INFO, REFER) on one of the call's Call-IDs. */
    void onInDialogRequest(ServerTransaction tx);

    /** An ACK for a 2xx the PBX sent on one of the call's Call-IDs. */
    void onAck(SipRequest ack);

    /** The caller cancelled its INVITE; the stack already answered 487. */
    void onCancelled();

    /** The caller never ACKed the PBX's 2xx. */
    void onAckTimeout();

    /**
     * Ends the call from the PBX's side with {@code cause} (recorded in the CDR).
     *
     * @return false when it had already ended
     */
    boolean endCall(String cause);

    /**
     * Starts or stops recording the call (docs/recording.md); false when it cannot be: only an answered call
     * between two phones on the relay is recorded.
     */
    default boolean record(boolean on) {
        return false;
    }

    /** What the API shows of the call. */
    CompletableFuture<CallSnapshot> snapshot();
}
