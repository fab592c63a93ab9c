package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.Fallback;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.Parameters;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.store.cdr.Disposition;

/**
 * Rings what a {@link CallPlan} says for one caller and follows the plan where it leads: the
 * extension's phones ring ({@link Originate}, with the Diversion headers of its forwards and the
 * session-timer offer), and when they all answer busy or ring out, the ring's fallback is followed
 * with {@link CallRouter#follow} (forwarding, the last resort) and the next plan acted on, until a
 * phone answers, the plan refuses, or it hands the caller to an application. A ring group's ring
 * ({@link CallPlan.Ring#hunt()}) rings its members' phones the same way, and its fallbacks go on with
 * the next members, then the group's final action. Used by a caller's
 * call ({@link Call}) and by a PBX-answered leg sent on to an extension ({@link PbxLegTransfer}).
 *
 * <p>Owned by the call's executor: every method and callback runs there.
 */
final class ExtensionRing implements Originate.Progress, CalleeRinging {

    /** What the ring tells its call, on the call's executor. */
    interface Listener {
        /** {@code ring.extension()}'s phones ring now (the first plan, or after a fallback); {@code forks} is that ring. */
        void ringing(CallPlan.Ring ring, Originate forks);

        /** A phone sent a provisional response other than 100. */
        void provisional(OutboundLeg leg, SipResponse provisional);

        /**
         * A phone of {@code extension} answered (already ACKed): the leg is the listener's. For a
         * group's ring, {@code extension} is the member who answered.
         */
        void answered(OutboundLeg leg, String extension, SipResponse ok);

        /** The plan refuses the call. */
        void refused(CallPlan.Reject reject);

        /** The plan hands the caller to an application (the last resort, a forwarding to one). */
        void applied(CallPlan.Apply apply);

        /** The phones failed and the plan offers no fallback for it. */
        void failed(Originate.Failure failure);
    }

    private final CallServices services;
    private final CallRouter router;
    private final LegHost host;
    private final String caller;
    private final byte[] offer;
    private final Listener listener;
    private final Optional<Duration> ringTime;
    private final List<Header> callerHeaders;
    private CallPlan plan;
    private Originate forks;

    /**
     * @param offer the SDP every phone is offered (empty for an INVITE without SDP)
     * @param callerHeaders sent to every phone rung (a trunk caller's P-Asserted-Identity)
     */
    ExtensionRing(CallServices services, CallRouter router, LegHost host, String caller, byte[] offer, Listener listener,
            List<Header> callerHeaders) {
        this(services, router, host, caller, offer, listener, Optional.empty(), callerHeaders);
    }

    /** @param ringTime how long each ring lasts, whatever the plan says (empty: the plan's no-answer time, else the default) */
    ExtensionRing(CallServices services, CallRouter router, LegHost host, String caller, byte[] offer, Listener listener,
            Optional<Duration> ringTime) {
        this(services, router, host, caller, offer, listener, ringTime, List.of());
    }

    private ExtensionRing(CallServices services, CallRouter router, LegHost host, String caller, byte[] offer,
            Listener listener, Optional<Duration> ringTime, List<Header> callerHeaders) {
        this.ringTime = ringTime;
        this.callerHeaders = callerHeaders;
        this.services = services;
        this.router = router;
        this.host = host;
        this.caller = caller;
        this.offer = offer;
        this.listener = listener;
    }

    /** Acts on {@code next}: rings its phones, or tells the listener how the plan ended. */
    void start(CallPlan next) {
        plan = next;
        switch (next.action()) {
            case CallPlan.Ring ring -> ring(ring);
            case CallPlan.Reject reject -> listener.refused(reject);
            case CallPlan.Apply apply -> listener.applied(apply);
        }
    }

    private void ring(CallPlan.Ring ring) {
        String domain = services.settings().domain();
        List<Header> headers = new ArrayList<>(callerHeaders);
        Diversion.headers(ring.forwards(), domain).forEach(d -> headers.add(Header.of(Diversion.HEADER, d)));
        headers.addAll(services.sessionTimers().offerHeaders());
        Duration ringTime = this.ringTime.orElseGet(
                () -> ring.onNoAnswer().map(Fallback::after).orElse(services.settings().noAnswerTimeout()));
        forks = new Originate(services.stack(), services.farewells(), services.scheduler(), host, this);
        listener.ringing(ring, forks);
        forks.ring(new OriginateRequest(ring.contacts().stream().map(OriginateTarget::of).toList(),
                new NameAddress(services.callerNames().nameOf(caller), SipUri.of(caller, domain), Parameters.EMPTY),
                NameAddress.of(SipUri.of(ring.extension(), domain)), offer,
                headers, ringTime));
    }

    /** Stops the phones ringing, without a report. */
    @Override
    public void cancel() {
        if (forks != null) {
            forks.cancel();
        }
    }

    @Override
    public void cancelAnsweredElsewhere() {
        if (forks != null) {
            forks.cancelAnsweredElsewhere();
        }
    }

    /** The phones still ringing. */
    @Override
    public List<OutboundLeg> pending() {
        return forks == null ? List.of() : forks.pending();
    }

    @Override
    public void ringing(OutboundLeg leg, SipResponse provisional) {
        listener.provisional(leg, provisional);
    }

    @Override
    public void answered(OutboundLeg leg, SipResponse ok) {
        CallPlan.Ring ring = (CallPlan.Ring) plan.action();
        // The forks were sent in the order of the ring's contacts, so a fork's index names its phone.
        String extension = ring.contacts().get(forks.legs().indexOf(leg)).extension();
        router.answered(plan, extension);
        listener.answered(leg, extension, ok);
    }

    @Override
    public void failed(Originate.Failure failure) {
        Optional<Fallback> fallback = plan.action() instanceof CallPlan.Ring ring
                ? ring.fallbackFor(failure.noAnswer(), Outcomes.of(failure.status()) == Disposition.BUSY)
                : Optional.empty();
        if (fallback.isPresent()) {
            start(router.follow(plan, fallback.get()));
        } else {
            listener.failed(failure);
        }
    }
}
