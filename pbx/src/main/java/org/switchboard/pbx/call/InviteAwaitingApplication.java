package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.store.cdr.Disposition;

/**
 * The {@link IncomingCall} of an INVITE handed to an application: the server transaction, the
 * authenticated caller (the login it proved) and the caller's offer (empty for a delayed offer).
 * Until the application answers or refuses it, it is registered as the call of its Call-ID, so a
 * CANCEL, an API hang-up or the shutdown ends it (the caller gets 487, and a later answer or
 * refusal does nothing but tell the application {@code ended}), and the API lists it.
 * {@code rangSince} is set when the call first rang an extension that could not take it (busy, no
 * answer: the last resort or a forwarding to an application): the call started then (its
 * {@code CallStarted} is out, its CDR starts there) and {@code localTag} is the To tag its
 * provisional responses carried. Owned by the transaction's executor.
 */
final class InviteAwaitingApplication implements IncomingCall, CallSession {
    private final ServerTransaction invite;
    private final SipLogin login;
    private final Optional<SessionDescription> offer;
    private final PbxAnswering answering;
    private final Optional<Instant> rangSince;
    private final String localTag;
    private final Instant startedAt;
    private String endedBy; // why the call ended before the application answered or refused it

    InviteAwaitingApplication(ServerTransaction invite, SipLogin login, Optional<SessionDescription> offer,
            PbxAnswering answering, Optional<Instant> rangSince, String localTag) {
        this.invite = invite;
        this.login = login;
        this.offer = offer;
        this.answering = answering;
        this.rangSince = rangSince;
        this.localTag = localTag;
        this.startedAt = rangSince.orElseGet(answering.services().clock()::instant);
    }

    ServerTransaction invite() {
        return invite;
    }

    SipLogin login() {
        return login;
    }

    Optional<SessionDescription> offer() {
        return offer;
    }

    Optional<Instant> rangSince() {
        return rangSince;
    }

    String localTag() {
        return localTag;
    }

    @Override
    public String caller() {
        return login.extension();
    }

    @Override
    public String dialled() {
        return dialledIn(invite);
    }

    /** What the caller of {@code invite} dialled (the Request-URI's user part). */
    static String dialledIn(ServerTransaction invite) {
        return invite.request().requestUri() instanceof SipUri uri ? uri.user().orElse("") : "";
    }

    @Override
    public String id() {
        return invite.request().callId();
    }

    @Override
    public Executor executor() {
        return invite.executor();
    }

    @Override
    public void refuse(int status, String reason) {
        if (endedBy == null) {
            endedBy = status + " " + reason;
            answering.refuse(this, status, reason);
        }
    }

    @Override
    public void answer(PbxLegListener listener) {
        if (endedBy != null) {
            listener.ended(endedBy);
            return;
        }
        endedBy = "answered";
        answering.answer(this, listener);
    }

    @Override
    public void relay(TrunkDial dial) {
        if (endedBy == null) {
            endedBy = "relayed";
            answering.relay(this, dial);
        }
    }

    @Override
    public void pickUp(String ringingCallId, Runnable pickedUp) {
        if (endedBy == null) {
            answering.pickUp(this, ringingCallId, pickedUp);
        }
    }

    /** The ringing call this caller picked up answers it now; false when it ended meanwhile (cancelled). */
    boolean pickedUp() {
        if (endedBy != null) {
            return false;
        }
        endedBy = "picked up";
        return true;
    }

    // ---- as a call, until the application decides -------------------------------------------------

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        tx.respond(tx.request().createResponse(481).withToTag(RandomTokens.tag()));
    }

    @Override
    public void onAck(SipRequest ack) {}

    @Override
    public void onCancelled() {
        end(Disposition.CANCELLED, "CANCEL from caller");
    }

    @Override
    public void onAckTimeout() {}

    @Override
    public boolean endCall(String cause) {
        if (endedBy != null) {
            return false;
        }
        invite.respond(invite.request().createResponse(487, "Request Terminated").withToTag(localTag));
        end(Disposition.CANCELLED, cause);
        return true;
    }

    private void end(Disposition disposition, String cause) {
        if (endedBy == null) {
            endedBy = cause;
            answering.ended(this, disposition, cause);
        }
    }

    @Override
    public CompletableFuture<CallSnapshot> snapshot() {
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), caller(), dialled(), CallState.SETTING_UP,
                startedAt, Optional.empty(), Optional.empty());
        parts.addLeg(true, id(), caller(), Call.hostPort(invite.flow().remote()), 0, Optional.empty());
        return CompletableFuture.completedFuture(parts.build(null));
    }
}
