package org.switchboard.pbx.call.transfer;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.pbx.registrar.Binding;
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
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;

/**
 * Blind transfer (RFC 3515, RFC 5589 §6) in one answered call: a REFER from a party is accepted
 * with 202, its Refer-To is routed through the {@link CallRouter} as if the transferor dialled it,
 * the target's phone is called with the transferee's media, and the transferor hears how it goes
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
    private final ScheduledExecutorService scheduler;
    private final Duration ringTimeout;
    private final String domain;
    private final CallLegs call;
    private final AttendedTransfer attended;
    private Attempt attempt;

    /**
     * @param scheduler posts the ring timeout to the call's executor
     * @param ringTimeout how long the target may ring before the transfer fails
     * @param domain the SIP domain of the From and To of the INVITE to the target
     * @param attended the same call's attended transfers (a REFER with Replaces)
     */
    public BlindTransfer(SipStack stack, CallRouter router, ScheduledExecutorService scheduler, Duration ringTimeout,
            String domain, CallLegs call, AttendedTransfer attended) {
        this.stack = stack;
        this.router = router;
        this.scheduler = scheduler;
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
        progress(dialog, transferorHop, 100, "Trying");
        CallPlan plan = router.plan(call.party(transferor), request.dialled());
        log.info("transfer requested call_id={} by={} to={} plan={}", call.id(), call.party(transferor),
                request.dialled(), plan.action().getClass().getSimpleName());
        switch (plan.action()) {
            case CallPlan.Ring ring -> {
                attempt = new Attempt(transferor, dialog, transferorHop, ring);
                attempt.start();
            }
            case CallPlan.Reject reject -> progress(dialog, transferorHop, reject.status(), reject.reason());
            // Transfer rings extensions only: an application cannot take a transferee yet.
            case CallPlan.Apply apply -> progress(dialog, transferorHop, 404, "Not A Number To Transfer To");
        }
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

    /** The INVITE to the transfer target's phone and what becomes of it. */
    private final class Attempt implements ClientTransactionListener<SipResponse> {
        private final Leg transferor;
        private final Dialog transferorDialog;
        private final NextHop transferorHop;
        private final Binding target;
        private final String extension;
        private final SipRequest invite;
        private final NextHop hop;
        private ClientTransaction transaction;
        private ScheduledFuture<?> ringing;
        private boolean provisional;
        private boolean cancelWanted;
        private boolean over;
        private SipRequest ack;

        Attempt(Leg transferor, Dialog transferorDialog, NextHop transferorHop, CallPlan.Ring ring) {
            this.transferor = transferor;
            this.transferorDialog = transferorDialog;
            this.transferorHop = transferorHop;
            // The target's first phone: a transfer rings one contact (no forking yet).
            this.target = ring.contacts().getFirst();
            this.extension = ring.extension();
            this.hop = new NextHop(target.flow().transport(), target.flow().remote());
            this.invite = SipRequest.builder(SipMethod.INVITE, target.contact())
                    .from(NameAddress.of(SipUri.of(call.party(transferor.other()), domain)).withTag(RandomTokens.tag()))
                    .to(NameAddress.of(SipUri.of(ring.extension(), domain)))
                    .callId(call.joinNewLeg())
                    .cseq(1)
                    .maxForwards(70)
                    .contact(call.contact(hop.transport()))
                    .body(SDP, call.offerReplacing(transferor))
                    .build();
        }

        void start() {
            ringing = scheduler.schedule(() -> call.executor().execute(this::onRingTimeout),
                    ringTimeout.toMillis(), TimeUnit.MILLISECONDS);
            transaction = stack.send(invite, hop.transport(), hop.address(), this);
        }

        @Override
        public void onProvisional(SipResponse response) {
            provisional = true;
            if (cancelWanted) {
                cancel();
            } else if (!over && response.status() == 180) {
                progress(transferorDialog, transferorHop, 180, "Ringing");
            }
        }

        @Override
        public void onFinal(SipResponse response) {
            if (!response.isSuccess()) {
                fail(response.status(), response.reason());
                return;
            }
            if (ack != null) {
                stack.resend(ack, hop.transport(), hop.address()); // a retransmitted 2xx
                return;
            }
            Dialog dialog = Dialog.asUac(invite, response);
            ack = stack.sendStateless(dialog.ack(response.cseq().number()), hop.transport(), hop.address());
            SessionDescription answer = Reinvite.sdp(response).orElse(null);
            if (over || answer == null) {
                // Answered after the call ended, or without media to connect: hang it up again.
                stack.send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(), new Unanswered("BYE"));
                fail(answer == null ? 488 : 487, answer == null ? "Not Acceptable Here" : "Request Terminated");
                return;
            }
            complete(response, dialog, answer);
        }

        private void complete(SipResponse ok, Dialog dialog, SessionDescription answer) {
            over = true;
            ringing.cancel(false);
            Leg transferee = transferor.other();
            call.replace(transferor, extension, target, invite, ok, ack);
            Reinvite.send(stack, call, transferee, call.relayMedia(transferor, answer),
                    transfereeAnswer -> call.relayMedia(transferee, transfereeAnswer));
            progress(transferorDialog, transferorHop, 200, "OK");
            stack.send(transferorDialog.newRequest(SipMethod.BYE).build(), transferorHop.transport(),
                    transferorHop.address(), new Unanswered("BYE"));
            attempt = null;
            log.info("transfer completed call_id={} transferee={} target={}", call.id(), call.party(transferee),
                    call.party(transferor));
        }

        @Override
        public void onTimeout() {
            fail(408, "Request Timeout");
        }

        @Override
        public void onTransportError(Throwable cause) {
            fail(503, "Service Unavailable");
        }

        private void onRingTimeout() {
            if (!over) {
                abandon();
            }
        }

        /** Cancels the INVITE once that is allowed (after a provisional, RFC 3261 §9.1); its 487 then fails the transfer. */
        void abandon() {
            if (provisional) {
                cancel();
            } else {
                cancelWanted = true;
            }
        }

        private void cancel() {
            cancelWanted = false;
            stack.cancel(transaction, new Unanswered("CANCEL"));
        }

        private void fail(int status, String reason) {
            ringing.cancel(false);
            if (attempt != this) {
                return;
            }
            attempt = null;
            over = true;
            call.leaveLeg(invite.callId());
            progress(transferorDialog, transferorHop, status, reason);
            log.info("transfer failed call_id={} status={} reason={}", call.id(), status, reason);
        }
    }
}
