package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * The {@link IncomingCall} of an INVITE handed to an application: the server transaction, the
 * authenticated caller (the login it proved) and the caller's offer (empty for a delayed offer).
 * {@code rangSince} is set when the call first rang an extension that could not take it (busy, no
 * answer: the last resort or a forwarding to an application): the call started then (its
 * {@code CallStarted} is out, its CDR starts there) and {@code localTag} is the To tag its
 * provisional responses carried. Owned by the transaction's executor.
 */
record InviteAwaitingApplication(ServerTransaction invite, SipLogin login, Optional<SessionDescription> offer,
        PbxAnswering answering, Optional<Instant> rangSince, String localTag) implements IncomingCall {

    @Override
    public String caller() {
        return login.extension();
    }

    @Override
    public String dialled() {
        return invite.request().requestUri() instanceof SipUri uri ? uri.user().orElse("") : "";
    }

    @Override
    public Executor executor() {
        return invite.executor();
    }

    @Override
    public void refuse(int status, String reason) {
        answering.refuse(this, status, reason);
    }

    @Override
    public void answer(PbxLegListener listener) {
        answering.answer(this, listener);
    }
}
