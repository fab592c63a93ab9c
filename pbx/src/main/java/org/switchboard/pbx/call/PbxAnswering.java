package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * The applications' side of call control: hands a caller's INVITE that is not answered yet to the
 * application registered for its destination's kind (a number the dial plan sent there, or a call
 * that rang an extension and went to its last resort or a forwarding to an application), answers
 * the calls the PBX answers itself ({@link PbxAnsweredCall}, registered like any call so their
 * in-dialog requests, CANCEL and ACK find them), refuses the ones an application turns down, and
 * gives those calls what a transfer of their leg needs ({@link PbxLegTransfer}). Thread-safe holder of
 * thread-safe services; its methods run on the INVITE's executor.
 */
final class PbxAnswering {
    private static final Logger log = LoggerFactory.getLogger(PbxAnswering.class);

    private final CallServices services;
    private final CallRegistry registry;
    private final CallRouter router;
    private final Applications applications = new Applications();

    PbxAnswering(CallServices services, CallRegistry registry, CallRouter router) {
        this.services = services;
        this.registry = registry;
        this.router = router;
    }

    Applications applications() {
        return applications;
    }

    CallServices services() {
        return services;
    }

    CallRegistry registry() {
        return registry;
    }

    CallRouter router() {
        return router;
    }

    /**
     * Starts {@code destination}'s application on {@code invite}; {@code rangSince} and {@code
     * localTag} as in {@link InviteAwaitingApplication}.
     */
    void start(ServerTransaction invite, SipLogin caller, Optional<SessionDescription> offer,
            Optional<Instant> rangSince, String localTag, Route.ToApplication destination) {
        InviteAwaitingApplication incoming = new InviteAwaitingApplication(invite, caller, offer, this, rangSince, localTag);
        if (!registry.addCall(incoming)) {
            CallControl.reject(invite, 482, "Loop Detected");
            return;
        }
        start(incoming, destination);
    }

    /** Starts {@code destination}'s application on {@code call}, or refuses it when no module runs that kind here. */
    void start(IncomingCall call, Route.ToApplication destination) {
        String kind = destination.kind();
        applications.forKind(kind).ifPresentOrElse(app -> app.start(call, destination), () -> {
            // The dial plan knows the kind but no module runs it on this node.
            log.warn("no application for destination kind={} dialled={}", kind, call.dialled());
            call.refuse(404, "No Application For " + kind);
        });
    }

    /**
     * {@code caller}, the caller of {@code call}, whose other party transferred it to {@code destination}
     * (REFER), is taken over by that application: a PBX-answered call on the call's relay session takes
     * the call's place, and the application starts once its endpoint is ready.
     */
    PbxAnsweredCall resume(CallSession call, ResumedCaller caller, Route.ToApplication destination) {
        Destination requested = new Destination(destination.kind(), destination.target());
        PbxAnsweredCall leg = PbxAnsweredCall.resumed(this, caller,
                ready -> start(new AnsweredLegHandoff(ready, requested, destination.dialled(),
                        Optional.of(caller.transferor())), destination));
        registry.replaceCall(call, leg);
        return leg;
    }

    /** Answers {@code incoming} on a PBX media endpoint; the answered call takes its place in the registry. */
    void answer(InviteAwaitingApplication incoming, PbxLegListener listener) {
        PbxAnsweredCall call = new PbxAnsweredCall(this, incoming, listener);
        registry.replaceCall(incoming, call);
        call.start();
    }

    /**
     * Rings {@code request}'s target from the PBX ({@link PbxAnsweredCall#originated}) on a new call
     * of its own, registered like any call; {@code targets} are where its phones are. Returns the
     * call's id at once: the ring starts on the call's executor and its outcome goes to {@code listener}.
     */
    String originate(OriginateLeg request, List<OriginateTarget> targets, SipLogin party, OriginatedLegListener listener) {
        String callId = RandomTokens.tag() + RandomTokens.tag() + "@" + services.settings().sipHost();
        RungParty side = new RungParty(callId, services.stack().executorFor(callId), party, request, targets);
        PbxAnsweredCall call = PbxAnsweredCall.originated(this, side, listener);
        registry.addCall(call); // a fresh random Call-ID: nothing can hold it yet
        side.executor().execute(call::start);
        return callId;
    }

    /**
     * {@code incoming} goes to a trunk ({@link IncomingCall#relay}): a {@link Call} takes its place,
     * with its INVITE and start, and relays it to the trunks of {@code dial}.
     */
    void relay(InviteAwaitingApplication incoming, TrunkDial dial) {
        SessionDescription offer = incoming.offer().orElse(null);
        int audio = incoming.offer().map(CallMedia::audioIndex).orElse(OptionalInt.of(0)).orElse(0);
        Call call = new Call(this, incoming.invite(), offer, audio, incoming.login(), dial.number(),
                incoming.rangSince().orElseGet(services.clock()::instant));
        registry.replaceCall(incoming, call);
        call.relay(dial);
    }

    /**
     * {@code picker} answers call {@code callId}, which rings other phones (call pickup): the call decides on
     * its own executor ({@link Call#pickUp}); {@code pickedUp} runs once the picker got it. A picker without an SDP offer, or offering SRTP, is refused here.
     */
    void pickUp(InviteAwaitingApplication picker, String callId, Runnable pickedUp) {
        Optional<Call> ringing = registry.call(callId).filter(Call.class::isInstance).map(Call.class::cast);
        if (ringing.isEmpty()) {
            picker.refuse(480, "Call No Longer Ringing");
            return;
        }
        if (picker.offer().isEmpty() || picker.offer().get().media().stream()
                .anyMatch(m -> m.protocol().equals(MediaDescription.RTP_SAVP))) {
            picker.refuse(488, "Pickup Needs A Plain RTP Offer");
            return;
        }
        PickingPhone phone = new PickingPhone(picker, picker.offer().get(), this, pickedUp);
        Call call = ringing.get();
        call.executor().execute(() -> call.pickUp(phone));
    }

    /**
     * The application turned {@code incoming} down. A call that rang an extension first has been
     * announced and gets its CDR (a feature code's call has neither).
     */
    void refuse(InviteAwaitingApplication incoming, int status, String reason) {
        incoming.invite().respond(incoming.invite().request().createResponse(status, reason).withToTag(incoming.localTag()));
        ended(incoming, Outcomes.of(status), status + " " + reason);
    }

    /**
     * {@code incoming} ended before an application answered it (refused, cancelled, hung up): it is
     * no call any more, and one that rang an extension first has been announced and gets its CDR (a
     * feature code's call has neither).
     */
    void ended(InviteAwaitingApplication incoming, Disposition disposition, String cause) {
        registry.remove(incoming, List.of());
        incoming.rangSince().ifPresent(startedAt -> services.recordEnd(new CallRecord(incoming.id(), incoming.caller(),
                incoming.dialled(), startedAt, null, services.clock().instant(), disposition, cause, null,
                Call.hostPort(incoming.invite().flow().remote()), null, incoming.login().authUser())));
    }
}
