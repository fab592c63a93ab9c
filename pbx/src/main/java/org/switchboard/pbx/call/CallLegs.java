package org.switchboard.pbx.call;

import java.util.Optional;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.transport.NextHop;

/**
 * The legs of an answered call, for the features that act on them from outside the call's state
 * machine (transfer, session timers): each leg's dialog, flow and party, the relay's view of the
 * media, and the changes a transfer makes: a new phone taking a leg's place, or a leg moving to
 * another call (attended transfer). Implemented by
 * {@link Call}; every method runs on the call's executor, which owns the call's state.
 */
public interface CallLegs extends LegHost {

    /** The call's id (its caller leg's Call-ID). */
    String id();

    /** The extension (or caller's user part) at the far end of {@code leg}. */
    String party(Leg leg);

    /** The dialog of {@code leg} (answered). */
    Dialog dialog(Leg leg);

    /** Where {@code leg}'s phone is reached (its flow, NAT included). */
    NextHop hop(Leg leg);

    /** An SDP offer for a new phone taking {@code leg}'s place: the other leg's media, on {@code leg}'s relay port. */
    byte[] offerReplacing(Leg leg);

    /** A new ring for this call (its legs join the call); {@code progress} hears how it goes. */
    Originate originate(Originate.Progress progress);

    /**
     * Extension {@code party}'s phone answered an {@link #originate} of this call and now is
     * {@code leg}: its dialog replaces {@code leg}'s. The old leg is not ended here.
     */
    void replace(Leg leg, String party, OutboundLeg answered);

    /** {@code sdp} from {@code from}'s phone: the relay follows it; returns it rewritten for the other leg. */
    byte[] relayMedia(Leg from, SessionDescription sdp);

    /**
     * The other party transferred {@code transferee} to {@code destination}, an application (REFER),
     * and is being hung up by the transfer: the application takes the transferee over on this call's
     * relay session, and the call ends without a record (the application's call keeps its id and CDR).
     * Only the call's own caller on G.711 can go: false (nothing changed) otherwise.
     */
    boolean handToApplication(Leg transferee, Route.ToApplication destination);

    /** Whether a transfer of this call is under way (a REFER accepted and not yet done). */
    boolean isTransferring();

    /** The leg whose dialog with the PBX has this id as the PBX sees it; empty when none has (or not answered). */
    Optional<Leg> legWithDialog(String callId, String localTag, String remoteTag);

    /** {@code leg} as it would move to another call; nothing changes here until {@link #endHandedOver}. */
    HandedOverLeg handOver(Leg leg);

    /**
     * {@code handed}, taken from another call, replaces {@code leg}: its Call-ID is joined to this
     * call's executor. The old call makes it found as this call's ({@link #endHandedOver}). The
     * replaced leg is not ended here.
     */
    void adopt(Leg leg, HandedOverLeg handed);

    /**
     * Ends the call after {@code handedOver} moved to call {@code newCallId} and the other leg was
     * hung up by the transfer: no BYE is sent, and the moved leg's Call-ID is found as the new
     * call's from now on (and stays joined to its executor).
     */
    void endHandedOver(Leg handedOver, String newCallId, String cause);
}
