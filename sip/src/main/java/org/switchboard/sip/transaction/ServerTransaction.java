package org.switchboard.sip.transaction;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transport.Flow;

/**
 * A request received and the way to answer it: the application's handle on one server
 * transaction, INVITE or not. Owned by the serial executor of the request's Call-ID ({@link
 * #executor()}); call its methods only there.
 */
public final class ServerTransaction implements ServerEntry {
    private final SipRequest request;
    private final Flow flow;
    private final TransactionKey key;
    private final Executor executor;
    /** Makes the action that sends a response (and resends it on each retransmission of the request). */
    private final BiFunction<ServerTransaction, SipResponse, Runnable> wire;
    private ServerInviteTransaction invite;
    private ServerNonInviteTransaction nonInvite;
    private Optional<SipResponse> lastResponse = Optional.empty();
    /** Set once a response went out; read by the event loop to drop retransmissions that have nothing to resend. */
    private volatile boolean responded;

    ServerTransaction(SipRequest request, Flow flow, TransactionKey key, Executor executor,
            BiFunction<ServerTransaction, SipResponse, Runnable> wire) {
        this.request = request;
        this.flow = flow;
        this.key = key;
        this.executor = executor;
        this.wire = wire;
    }

    void attach(ServerInviteTransaction machine) {
        this.invite = machine;
    }

    void attach(ServerNonInviteTransaction machine) {
        this.nonInvite = machine;
    }

    /** The request, its top Via stamped with received/rport. */
    public SipRequest request() {
        return request;
    }

    /** The flow the request arrived on. */
    public Flow flow() {
        return flow;
    }

    public SipMethod method() {
        return request.method();
    }

    /** The serial executor owning this transaction (the Call-ID's executor). */
    public Executor executor() {
        return executor;
    }

    TransactionKey key() {
        return key;
    }

    /** The last response sent, if any (a CANCEL's 487 reuses its To tag). */
    public Optional<SipResponse> lastResponse() {
        return lastResponse;
    }

    /**
     * Sends a response; provisional ones may be followed by more, the first final one ends the
     * transaction's answering (later ones are refused).
     *
     * @return whether the response was sent
     */
    public boolean respond(SipResponse response) {
        Runnable send = wire.apply(this, response);
        boolean sent = invite != null ? invite.respond(response.status(), send) : nonInvite.respond(response.status(), send);
        if (sent) {
            lastResponse = Optional.of(response);
            responded = true;
        }
        return sent;
    }

    /** Whether a final response has been sent. */
    public boolean isAnswered() {
        return lastResponse.map(SipResponse::isFinal).orElse(false);
    }

    /** The non-INVITE machine, or null for an INVITE transaction. */
    ServerNonInviteTransaction nonInviteMachine() {
        return nonInvite;
    }

    /** Whether {@code machine} is this transaction's non-INVITE machine. */
    boolean runs(ServerNonInviteTransaction machine) {
        return nonInvite == machine;
    }

    /** Whether any response was sent; any thread. */
    boolean hasResponded() {
        return responded;
    }

    void receiveRetransmission() {
        if (invite != null) {
            invite.receiveRetransmission();
        } else {
            nonInvite.receiveRetransmission();
        }
    }

    void receiveAck() {
        if (invite != null) {
            invite.receiveAck();
        }
    }

    /** The dialog saw the ACK (or a BYE, proving the caller got our 2xx): stop resending the 2xx. */
    public void acknowledge2xx() {
        if (invite != null) {
            invite.acknowledge2xx();
        }
    }

    /** Whether this INVITE can still be cancelled: no final response sent yet (RFC 3261 §9.2). */
    boolean isCancellable() {
        return invite != null && invite.state() == ServerInviteTransaction.State.PROCEEDING;
    }
}
