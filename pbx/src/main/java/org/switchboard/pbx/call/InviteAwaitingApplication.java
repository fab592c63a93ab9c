package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * The {@link IncomingCall} of an INVITE handed to an application: the server transaction, the
 * authenticated caller (the login it proved) and the caller's offer (empty for a delayed offer). Owned by the
 * transaction's executor.
 */
record InviteAwaitingApplication(ServerTransaction invite, SipLogin login, Optional<SessionDescription> offer,
        PbxAnswering answering) implements IncomingCall {

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
        CallControl.reject(invite, status, reason);
    }

    @Override
    public void answer(PbxLegListener listener) {
        answering.answer(invite, offer, login, dialled(), listener);
    }
}
