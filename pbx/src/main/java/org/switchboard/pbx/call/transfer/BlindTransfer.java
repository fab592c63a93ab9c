package org.switchboard.pbx.call.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.pbx.call.Originate;
import org.switchboard.pbx.call.OriginateRequest;
import org.switchboard.pbx.call.OriginateTarget;
import org.switchboard.pbx.call.OutboundLeg;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;

/**
 * Blind transfer (RFC 3515, RFC 5589 §6) in one answered call: a REFER from a party is accepted
 * with 202, its Refer-To is routed through the {@link CallRouter} as if the transferor dialled it,
 * the target's phones are rung ({@link Originate}) with the transferee's media, and the transferor hears how it goes
 * in sipfrag NOTIFYs. When the target answers it takes the transferor's place: the transferee's
 * leg is re-INVITEd towards the new media and the transferor's leg ends with BYE. If the target
 * fails, the call goes on as it was. One transfer at a time per call (another REFER meanwhile: 491).
 * A REFER whose Refer-To carries a Replaces is an attended transfer, handed to {@link AttendedTransfer}.
 * Owned by the call's executor: every method and callback runs there.
 */
public final class BlindTransfer {
    private static final Logger log = LoggerFactory.getLogger(BlindTransfer.class);
    private static final String SDP = Reinvite.SDP;

    private final SipStack stack;
    private final CallRouter router;
    private final Duration ringTimeout;
    private final String domain;
    private final CallLegs call;
    private final AttendedTransfer attended;
    private Attempt attempt;

    /**
     * @param ringTimeout how long the target may ring before the transfer fails
     * @param domain the SIP domain of the From and To of the INVITE to the target
     * @param attended the same call's attended transfers (a REFER with Replaces)
     */
    public BlindTransfer(SipStack stack, CallRouter router, Duration ringTimeout,
            String domain, CallLegs call, AttendedTransfer attended) {
        this.stack = stack;
        this.router = router;
        this.ringTimeout = ringTimeout;
        this.domain = domain;
        this.call = call;
        this.attended = attended;
    }

    /** A REFER received on {@code transferor}'s dialog of the answered call. */
    public void onRefer(Leg transferor, ServerTransaction tx) {
        SipRequest refer = tx.request();
        Dialog dialog = call.dialog(transferor);
        OptionalInt outOfOrder = dialog.receive(refer);
        if (outOfOrder.isPresent()) {
            tx.respond(refer.createResponse(outOfOrder.getAsInt()));
            return;
        }
        if (isBusy()) {
            tx.respond(refer.createResponse(491, "Transfer In Progress"));
            return;
        }
        ReferRequest request;
        switch (ReferRequest.check(refer)) {
            case ReferRequest.Check.Refused refused -> {
                tx.respond(refer.createResponse(refused.status(), refused.reason()));
                return;
            }
            case ReferRequest.Check.Accepted accepted -> request = accepted.refer();
        }
        if (request.replaces().isPresent()) {
            attended.onRefer(transferor, tx, dialog, request.replaces().get());
            return;
        }
        tx.respond(refer.createResponse(202, "Accepted")
                .withHeader(HeaderName.CONTACT, call.contact(tx.flow().transport()).toString()));
        NextHop transferorHop = call.hop(transferor);
        CallPlan plan = router.plan(call.party(transferor), request.dialled());
        log.info("transfer requested call_id={} by={} to={} plan={}", call.id(), call.party(transferor),
                request.dialled(), plan.action().getClass().getSimpleName());
        switch (plan.action()) {
            case CallPlan.Apply apply -> toApplication(transferor, dialog, transferorHop, apply);
            case CallPlan.Ring ring -> {
                progress(dialog, transferorHop, 100, "Trying");
                attempt = new Attempt(transferor, dialog, transferorHop, ring.extension());
                attempt.start(ring);
            }
            case CallPlan.Reject reject -> {
                progress(dialog, transferorHop, 100, "Trying");
                progress(dialog, transferorHop, reject.status(), reject.reason());
            }
        }
    }

    /**
     * The Refer-To leads to an application (voicemail, an attendant): it takes the transferee at once,
     * so the transferor's first NOTIFY is the final {@code 200 OK}, and its BYE follows once that
     * NOTIFY is answered (sent together they may arrive in either order). Only the call's caller can
     * go (see {@link CallLegs#handToApplication}): otherwise the final NOTIFY is 501 and the call goes on.
     */
    private void toApplication(Leg transferor, Dialog dialog, NextHop hop, CallPlan.Apply apply) {
        if (!call.handToApplication(transferor.other(), apply.destination())) {
            progress(dialog, hop, 501, "Only The Caller Can Be Transferred To An Application");
            return;
        }
        stack.send(TransferProgress.notify(dialog, call.contact(hop.transport()), 200, "OK"), hop.transport(),
                hop.address(), new ThenRun("NOTIFY", () -> stack.send(dialog.newRequest(SipMethod.BYE).build(),
                        hop.transport(), hop.address(), new Unanswered("BYE"))));
    }

    /** Whether a transfer (blind or attended) is under way: another REFER meanwhile gets 491. */
    public boolean isBusy() {
        return attempt != null || attended.isHandingOver();
    }

    /** Whether a leg is on its way to another call (attended transfer): its dialog may be that call's already. */
    public boolean isHandingOver() {
        return attended.isHandingOver();
    }

    /** See {@link AttendedTransfer#deferHangUp}. */
    public boolean deferHangUp(Runnable hangUp) {
        return attended.deferHangUp(hangUp);
    }

    /** The call ended: a target still ringing is cancelled, and hung up should it answer anyway. */
    public void abandon() {
        if (attempt != null) {
            attempt.abandon();
        }
    }

    private void progress(Dialog transferor, NextHop hop, int status, String reason) {
        TransferProgress.send(stack, transferor, hop, call.contact(hop.transport()), status, reason);
    }

    /** The ring of the transfer target's phones and what becomes of it. */
    private final class Attempt implements Originate.Progress {
        private final Leg transferor;
        private final Dialog transferorDialog;
        private final NextHop transferorHop;
        private final String extension;
        private final Originate ringing;

        Attempt(Leg transferor, Dialog transferorDialog, NextHop transferorHop, String extension) {
            this.transferor = transferor;
            this.transferorDialog = transferorDialog;
            this.transferorHop = transferorHop;
            this.extension = extension;
            this.ringing = call.originate(this);
        }

        /** Rings the target's phones from the transferee's extension, offering the transferee's media. */
        void start(CallPlan.Ring ring) {
            ringing.ring(new OriginateRequest(ring.contacts().stream().map(OriginateTarget::of).toList(),
                    NameAddress.of(SipUri.of(call.party(transferor.other()), domain)),
                    NameAddress.of(SipUri.of(ring.extension(), domain)), call.offerReplacing(transferor), List.of(),
                    ringTimeout));
        }

        @Override
        public void ringing(OutboundLeg leg, SipResponse provisional) {
            if (provisional.status() == 180) {
                progress(transferorDialog, transferorHop, 180, "Ringing");
            }
        }

        @Override
        public void answered(OutboundLeg leg, SipResponse ok) {
            Optional<SessionDescription> answer = Reinvite.sdp(ok);
            if (answer.isEmpty()) {
                // Answered without media to connect: hang it up again.
                stack.send(leg.dialog().newRequest(SipMethod.BYE).build(), leg.hop().transport(), leg.hop().address(),
                        new Unanswered("BYE"));
                fail(488, "Not Acceptable Here");
                return;
            }
            Leg transferee = transferor.other();
            call.replace(transferor, extension, leg);
            Reinvite.send(stack, call, transferee, call.relayMedia(transferor, answer.get()),
                    transfereeAnswer -> call.relayMedia(transferee, transfereeAnswer));
            progress(transferorDialog, transferorHop, 200, "OK");
            stack.send(transferorDialog.newRequest(SipMethod.BYE).build(), transferorHop.transport(),
                    transferorHop.address(), new Unanswered("BYE"));
            attempt = null;
            log.info("transfer completed call_id={} transferee={} target={}", call.id(), call.party(transferee),
                    call.party(transferor));
        }

        @Override
        public void failed(Originate.Failure failure) {
            fail(failure.status(), failure.reason());
        }

        /** The call ended: the target stops ringing, and is hung up should it answer anyway. */
        void abandon() {
            ringing.cancel();
            attempt = null;
        }

        private void fail(int status, String reason) {
            attempt = null;
            progress(transferorDialog, transferorHop, status, reason);
            log.info("transfer failed call_id={} status={} reason={}", call.id(), status, reason);
        }
    }
}
