package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A caller's INVITE as an {@link Application} gets it: who called, what was dialled, the
 * executor that owns the call, and the final answer. Every method except {@link #executor()} must
 * be called on that executor.
 */
public interface IncomingCall {

    /** The call's id, as its CDR, its events and the API name it. */
    String id();

    /** The authenticated extension that called. */
    String caller();

    /** What the caller dialled (the Request-URI's user part). */
    String dialled();

    /**
     * The extension that sent this call here by a blind transfer (REFER) when it did: parking rings
     * it back. Empty for a call that dialled the destination itself.
     */
    default Optional<String> transferredBy() {
        return Optional.empty();
    }

    /** The call's serial executor: post results of blocking work here. */
    Executor executor();

    /**
     * Ends the call with a final response (RFC 3261 §21.4-§21.6) before anything was connected;
     * no CDR is written, as for a feature code.
     */
    void refuse(int status, String reason);

    /**
     * The PBX answers the call itself (the caller's offer answered with a PBX media endpoint, 200
     * OK, a CDR when it ends); {@code listener} hears {@link PbxLegListener#answered} once the
     * endpoint is ready, or {@link PbxLegListener#ended} if the call ends before (no media port:
     * 503; no common codec: 488; the caller cancelled).
     */
    void answer(PbxLegListener listener);

    /**
     * The caller is relayed to a trunk, as to an extension (an ordinary bridged call with anchored
     * media, a CDR, in-dialog requests relayed): the trunks of {@code dial} are tried in order. A leg
     * already answered by the PBX cannot be relayed yet and is refused (501).
     */
    void relay(TrunkDial dial);

    /**
     * Call pickup (docs/pickup.md): this caller's phone answers call {@code ringingCallId}, which rings other
     * phones ({@link RingingCalls}); those are cancelled and the two are relayed like any answered call. When that
     * call cannot be picked up any more (answered, ended) or shares no codec, the caller is refused (480, 488).
     * A leg the PBX already answered cannot pick up (501). {@code pickedUp} runs on this call's executor once the
     * caller's phone got the call (its 200 went out).
     */
    default void pickUp(String ringingCallId, Runnable pickedUp) {
        refuse(501, "Pickup Not Supported Here");
    }
}
