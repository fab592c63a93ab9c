package org.switchboard.pbx.call;

import org.switchboard.store.cdr.CallRecord;

/**
 * Starts the calls the PBX answers itself ({@link PbxAnsweredCall}) for applications: registers
 * them like any call, so their in-dialog requests, CANCEL and ACK find them; and refuses the ones
 * an application turns down. Thread-safe holder of thread-safe services; its methods run on the
 * INVITE's executor.
 */
final class PbxAnswering {
    private final CallServices services;
    private final CallRegistry registry;

    PbxAnswering(CallServices services, CallRegistry registry) {
        this.services = services;
        this.registry = registry;
    }

    /** Answers {@code incoming} on a PBX media endpoint. */
    void answer(InviteAwaitingApplication incoming, PbxLegListener listener) {
        PbxAnsweredCall call = new PbxAnsweredCall(services, registry, incoming, listener);
        if (!registry.addCall(call)) {
            CallControl.reject(incoming.invite(), 482, "Loop Detected");
            listener.ended("482 loop detected");
            return;
        }
        call.start();
    }

    /**
     * The application turned {@code incoming} down. A call that rang an extension first has been
     * announced and gets its CDR (a feature code's call has neither).
     */
    void refuse(InviteAwaitingApplication incoming, int status, String reason) {
        incoming.invite().respond(incoming.invite().request().createResponse(status, reason).withToTag(incoming.localTag()));
        incoming.rangSince().ifPresent(startedAt -> services.recordEnd(new CallRecord(incoming.invite().request().callId(),
                incoming.caller(), incoming.dialled(), startedAt, null, services.clock().instant(), Outcomes.of(status),
                status + " " + reason, null, Call.hostPort(incoming.invite().flow().remote()), null,
                incoming.login().authUser())));
    }
}
