package org.switchboard.pbx.call.transfer;

import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.pbx.call.HandedOverLeg;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;

/**
 * Attended transfer (RFC 5589 §7) between two answered calls of this node, on the side of the call
 * that got the REFER. The transferor talks to the transferee in this call and to the target in
 * another; its REFER names that other call's dialog in a Replaces (RFC 3891). As a back-to-back
 * user agent the PBX does the replacement itself: the transferee's leg moves to the other call
 * ({@link LegTakeover}, on that call's executor), takes the transferor's place there facing the
 * target, and this call ends with cause {@value #CAUSE}; the transferor hears the outcome in
 * sipfrag NOTIFYs and gets a BYE on both calls. A Replaces naming no call here is refused with 481
 * at once (RFC 3891 §3), one naming this very call with 403. The two calls never lock each other:
 * this call posts the leg to the other's executor and hears back as a task on its own. Owned by
 * this call's executor.
 */
public final class AttendedTransfer {
    /** The hang-up cause of the call whose transferee moved to the other call. */
    public static final String CAUSE = "attended transfer";
    private static final Logger log = LoggerFactory.getLogger(AttendedTransfer.class);

    private final SipStack stack;
    private final CallLegs call;
    private final Function<String, Optional<CallLegs>> callsOfThisNode;
    private boolean handingOver;
    private Runnable deferredHangUp;

    /**
     * @param callsOfThisNode the call in progress here that has a leg with this Call-ID (thread-safe:
     *     it only looks the id up; the call found is touched only on its own executor)
     */
    public AttendedTransfer(SipStack stack, CallLegs call, Function<String, Optional<CallLegs>> callsOfThisNode) {
        this.stack = stack;
        this.call = call;
        this.callsOfThisNode = callsOfThisNode;
    }

    /** Whether the transferee's leg is offered to the other call and the answer not back yet. */
    public boolean isHandingOver() {
        return handingOver;
    }

    /**
     * Holds back a hang-up of this call (API, timer) while the transferee's leg is offered to the
     * other call, which may own its dialog already; it runs when the answer is back (a no-op if
     * the call ended by the transfer).
     *
     * @return whether the hang-up was held back
     */
    public boolean deferHangUp(Runnable hangUp) {
        if (!handingOver) {
            return false;
        }
        deferredHangUp = hangUp;
        return true;
    }

    private void runDeferredHangUp() {
        Runnable hangUp = deferredHangUp;
        deferredHangUp = null;
        if (hangUp != null) {
            hangUp.run();
        }
    }

    /** A REFER from {@code transferor} (in order, no other transfer under way) asking to replace {@code replaces}. */
    void onRefer(Leg transferor, ServerTransaction tx, Dialog transferorDialog, Replaces replaces) {
        SipRequest refer = tx.request();
        Optional<CallLegs> found = callsOfThisNode.apply(replaces.callId());
        if (found.isEmpty()) {
            tx.respond(refer.createResponse(481, "Replaced Call Does Not Exist"));
            return;
        }
        CallLegs target = found.get();
        if (target == call) {
            tx.respond(refer.createResponse(403, "Replaces Names The Referring Call"));
            return;
        }
        tx.respond(refer.createResponse(202, "Accepted")
                .withHeader(HeaderName.CONTACT, call.contact(tx.flow().transport()).toString()));
        NextHop transferorHop = call.hop(transferor);
        progress(transferorDialog, transferorHop, 100, "Trying");
        Leg transferee = transferor.other();
        HandedOverLeg leg = call.handOver(transferee);
        String transferorParty = call.party(transferor);
        handingOver = true;
        log.info("attended transfer requested call_id={} by={} transferee={} replacing_call_id={}", call.id(),
                transferorParty, leg.party(), replaces.callId());
        // From here until the answer comes back the transferee's dialog is the other call's to use.
        target.executor().execute(() -> new LegTakeover(stack, target).take(replaces, transferorParty, leg,
                outcome -> call.executor().execute(() -> onOutcome(transferor, transferorDialog, transferorHop, outcome))));
    }

    private void onOutcome(Leg transferor, Dialog transferorDialog, NextHop transferorHop, LegTakeover.Outcome outcome) {
        handingOver = false;
        switch (outcome) {
            case LegTakeover.Outcome.Refused refused -> {
                // The transferee's leg stays here and the call goes on as it was.
                progress(transferorDialog, transferorHop, refused.status(), refused.reason());
                log.info("attended transfer refused call_id={} status={} reason={}", call.id(), refused.status(),
                        refused.reason());
                runDeferredHangUp();
            }
            case LegTakeover.Outcome.Taken taken -> {
                progress(transferorDialog, transferorHop, 200, "OK");
                stack.send(transferorDialog.newRequest(SipMethod.BYE).build(), transferorHop.transport(),
                        transferorHop.address(), new Unanswered("BYE"));
                log.info("attended transfer completed call_id={} transferee_now_in={}", call.id(), taken.callId());
                call.endHandedOver(transferor.other(), taken.callId(), CAUSE);
                runDeferredHangUp();
            }
        }
    }

    private void progress(Dialog transferor, NextHop hop, int status, String reason) {
        TransferProgress.send(stack, transferor, hop, call.contact(hop.transport()), status, reason);
    }
}
