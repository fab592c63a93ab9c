package org.switchboard.pbx.call;

import java.util.Optional;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * Starts the calls the PBX answers itself ({@link PbxAnsweredCall}) for applications: registers
 * them like any call, so their in-dialog requests, CANCEL and ACK find them. Thread-safe holder of
 * thread-safe services; {@link #answer} runs on the INVITE's executor.
 */
final class PbxAnswering {
    private final CallServices services;
    private final CallRegistry registry;

    PbxAnswering(CallServices services, CallRegistry registry) {
        this.services = services;
        this.registry = registry;
    }

    /**
     * Answers {@code invite} from {@code caller}, who dialled {@code dialled}, on a PBX media
     * endpoint; {@code offer} is empty for an INVITE without SDP.
     */
    void answer(ServerTransaction invite, Optional<SessionDescription> offer, SipLogin caller, String dialled,
            PbxLegListener listener) {
        PbxAnsweredCall call = new PbxAnsweredCall(services, registry, invite, offer, caller, dialled, listener);
        if (!registry.addCall(call)) {
            CallControl.reject(invite, 482, "Loop Detected");
            listener.ended("482 loop detected");
            return;
        }
        call.start();
    }
}
