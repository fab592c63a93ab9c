package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.concurrent.Executor;
import org.switchboard.pbx.routing.Destination;

/**
 * A PBX-answered leg as the application it is transferred to gets it ({@link PbxLeg#transfer} to
 * a kind other than an extension, or an extension whose last resort is an application): already
 * answered, so {@link #answer} reuses the leg's endpoint and the new listener hears {@code answered}
 * at once (the old one {@code transferred}); {@link #refuse} fails the transfer and the leg stays
 * with the application that asked for it. {@code requested} is the destination it asked for. Owned
 * by the call's executor; {@code transferredBy} is the party whose REFER sent the caller here, if one did.
 */
record AnsweredLegHandoff(PbxAnsweredCall leg, Destination requested, String dialled, Optional<String> transferredBy)
        implements IncomingCall {

    @Override
    public String id() {
        return leg.id();
    }

    @Override
    public String caller() {
        return leg.caller();
    }

    @Override
    public Executor executor() {
        return leg.executor();
    }

    @Override
    public void refuse(int status, String reason) {
        leg.transferFailed(requested, status, reason);
    }

    @Override
    public void answer(PbxLegListener listener) {
        leg.handTo(listener, requested);
    }

    /** Not yet: the leg is answered on a PBX endpoint, and bridging it to a trunk needs a re-offer. */
    @Override
    public void relay(TrunkDial dial) {
        refuse(501, "Answered Calls Cannot Go To A Trunk Yet");
    }
}
