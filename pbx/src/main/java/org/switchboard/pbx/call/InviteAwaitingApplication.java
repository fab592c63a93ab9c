package org.switchboard.pbx.call;

import java.util.concurrent.Executor;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * The {@link IncomingCall} of an INVITE handed to an application: the server transaction and the
 * authenticated caller. Owned by the transaction's executor.
 */
record InviteAwaitingApplication(ServerTransaction invite, String caller) implements IncomingCall {

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
}
