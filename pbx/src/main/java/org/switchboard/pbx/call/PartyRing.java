package org.switchboard.pbx.call;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.SipResponse;

/**
 * The ring of a leg the PBX originates ({@link PbxAnsweredCall#originated}): one {@link Originate}
 * of the party's phones offering the PBX endpoint's SDP, with the caller ID, the ring time and the
 * auto-answer headers asked for; its outcome goes to the leg, a failure as {@link Originate.Failure#passedOn}.
 *
 * <p>Owned by the call's executor.
 */
final class PartyRing implements Originate.Progress {

    /** What the ring tells its leg. */
    interface Outcome {
        /** The first provisional response other than 100. */
        void rang();

        /** {@code fork} answered first (already ACKed) with {@code ok}. */
        void answered(OutboundLeg fork, SipResponse ok);

        /** Nobody answered: the status and reason to report. */
        void failed(int status, String reason, boolean noAnswer);
    }

    private final Originate forks;
    private final Outcome outcome;
    private boolean rang;

    PartyRing(CallServices services, LegHost host, Outcome outcome) {
        this.forks = new Originate(services.stack(), services.farewells(), services.scheduler(), host, this);
        this.outcome = outcome;
    }

    /** Rings {@code party}'s phones with {@code offer}, as its request says. */
    void ring(RungParty party, String domain, byte[] offer) {
        OriginateLeg request = party.request();
        List<Header> headers = new ArrayList<>();
        if (request.autoAnswer()) {
            headers.addAll(OriginateRequest.AUTO_ANSWER);
        }
        forks.ring(new OriginateRequest(party.targets(), party.from(domain), party.to(domain), offer, headers,
                request.ringTimeout()));
    }

    /** Stops the phones ringing, without a report. */
    void cancel() {
        forks.cancel();
    }

    /** The phones still ringing. */
    List<OutboundLeg> pending() {
        return forks.pending();
    }

    @Override
    public void ringing(OutboundLeg leg, SipResponse provisional) {
        if (!rang) {
            rang = true;
            outcome.rang();
        }
    }

    @Override
    public void answered(OutboundLeg leg, SipResponse ok) {
        outcome.answered(leg, ok);
    }

    @Override
    public void failed(Originate.Failure failure) {
        Originate.Failure told = failure.passedOn();
        outcome.failed(told.status(), told.reason(), told.noAnswer());
    }
}
