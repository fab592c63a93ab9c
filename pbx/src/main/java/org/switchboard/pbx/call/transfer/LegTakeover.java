package org.switchboard.pbx.call.transfer;

import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.pbx.call.HandedOverLeg;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transport.NextHop;

/**
 * The target call's side of an attended transfer: checks that the Replaces names a confirmed
 * dialog of the transferor in this call (RFC 3891 §3), then lets the transferee's leg take the
 * transferor's place: the transferor's leg gets a BYE, the transferee's phone a re-INVITE towards
 * this call's relay with the target's media, and once it answers the target's phone a re-INVITE
 * with the transferee's media (which also takes it off hold). Runs on the target call's executor.
 */
final class LegTakeover {
    private static final Logger log = LoggerFactory.getLogger(LegTakeover.class);

    /** What the target call made of the transferee's leg; the referring call acts on it. */
    sealed interface Outcome {
        /** The leg is part of call {@code callId} now. */
        record Taken(String callId) implements Outcome {}

        /** The leg stays where it was; the transferor hears {@code status reason}. */
        record Refused(int status, String reason) implements Outcome {}
    }

    private final SipStack stack;
    private final CallLegs call;

    LegTakeover(SipStack stack, CallLegs call) {
        this.stack = stack;
        this.call = call;
    }

    /** Takes {@code leg} in place of the dialog {@code replaces} names, or refuses; tells {@code outcome} either way. */
    void take(Replaces replaces, String transferorParty, HandedOverLeg leg, Consumer<Outcome> outcome) {
        // The Replaces is seen from the transferor's side: its to-tag is ours, its from-tag the phone's.
        Optional<Leg> named = call.legWithDialog(replaces.callId(), replaces.toTag(), replaces.fromTag());
        Outcome result = check(named, replaces, transferorParty);
        if (result instanceof Outcome.Refused) {
            outcome.accept(result);
            return;
        }
        Leg replaced = named.orElseThrow();
        Leg kept = replaced.other();
        Dialog transferorDialog = call.dialog(replaced);
        NextHop transferorHop = call.hop(replaced);
        byte[] offer = call.offerReplacing(replaced);
        call.adopt(replaced, leg);
        stack.send(transferorDialog.newRequest(SipMethod.BYE).build(), transferorHop.transport(),
                transferorHop.address(), new Unanswered("BYE"));
        Reinvite.send(stack, call, replaced, offer, answer -> Reinvite.send(stack, call, kept,
                call.relayMedia(replaced, answer), keptAnswer -> call.relayMedia(kept, keptAnswer)));
        log.info("attended transfer took over leg call_id={} party={} leg_call_id={} facing={}", call.id(), leg.party(),
                leg.callId(), call.party(kept));
        outcome.accept(result);
    }

    private Outcome check(Optional<Leg> replaced, Replaces replaces, String transferorParty) {
        if (replaced.isEmpty()) {
            // RFC 3891 §3: no confirmed dialog matches (unknown tags, or the call is not answered:
            // an early dialog the PBX did not initiate, or one it did, which it does not replace).
            return new Outcome.Refused(481, "Call/Transaction Does Not Exist");
        }
        if (replaces.earlyOnly()) {
            return new Outcome.Refused(486, "Busy Here"); // RFC 3891 §3: early-only names a confirmed dialog
        }
        if (!call.party(replaced.get()).equals(transferorParty)) {
            // Only a party to both calls may join them: the dialog named must be the transferor's own.
            return new Outcome.Refused(403, "Not The Transferor's Dialog");
        }
        if (call.isTransferring()) {
            return new Outcome.Refused(491, "Request Pending");
        }
        return new Outcome.Taken(call.id());
    }
}
