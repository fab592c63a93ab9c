package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;

/**
 * A caller's INVITE the PBX answers (UAS side of a {@link PbxAnsweredCall}): its transaction, the
 * authenticated login and the To tag the 200 carries. Immutable.
 */
record AnsweredInvite(ServerTransaction invite, SipLogin party, String localTag) implements LegSide {

    @Override
    public String callId() {
        return invite.request().callId();
    }

    @Override
    public Executor executor() {
        return invite.executor();
    }

    @Override
    public String dialled() {
        return InviteAwaitingApplication.dialledIn(invite);
    }

    @Override
    public String displayName() {
        return invite.request().from().displayName().orElse("");
    }

    @Override
    public InetSocketAddress remote() {
        return invite.flow().remote();
    }

    @Override
    public NextHop hop() {
        return new NextHop(invite.flow().transport(), invite.flow().remote());
    }

    @Override
    public String byeCause() {
        return "BYE from caller";
    }
}
