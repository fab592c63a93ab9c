package org.switchboard.pbx.call;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipResponse;

/**
 * Relays a caller to the trunks of a {@link TrunkDial}, one at a time ({@link Originate}, with the
 * trunk's credentials answering its challenges): a trunk with no free channel is skipped, one that
 * answers 5xx or not at all (408, 503 for an unreachable carrier) or keeps challenging (401/407 its
 * credentials cannot answer) is left for the next, and any other outcome is the call's (a 486 from
 * the called number is not the trunk's fault). The
 * channel of a trunk that failed is given back at once; the answering trunk's stays taken until
 * the call ends (the route's owner frees it then).
 *
 * <p>Owned by the call's executor: every method and callback runs there.
 */
final class TrunkRing implements CalleeRinging, Originate.Progress {
    private static final Logger log = LoggerFactory.getLogger(TrunkRing.class);

    private final CallServices services;
    private final LegHost host;
    private final String callId;
    private final TrunkDial dial;
    private final byte[] offer;
    private final ExtensionRing.Listener listener;
    private int next;
    private Originate forks;
    private Originate.Failure lastFailure = new Originate.Failure(503, "No Trunk Available", false);

    /** @param offer the SDP every trunk is offered (empty for an INVITE without SDP) */
    TrunkRing(CallServices services, LegHost host, String callId, TrunkDial dial, byte[] offer,
            ExtensionRing.Listener listener) {
        this.services = services;
        this.host = host;
        this.callId = callId;
        this.dial = dial;
        this.offer = offer;
        this.listener = listener;
    }

    /** Tries the first trunk that has a free channel. */
    void start() {
        while (next < dial.attempts().size()) {
            TrunkAttempt attempt = dial.attempts().get(next++);
            if (!dial.channels().seize(attempt.trunk(), callId)) {
                log.info("trunk skipped call_id={} trunk={} reason=no free channel", callId, attempt.trunk());
                lastFailure = new Originate.Failure(503, "Trunks Busy", false);
                continue;
            }
            log.info("trunk tried call_id={} trunk={} number={}", callId, attempt.trunk(), dial.number());
            forks = new Originate(services.stack(), services.farewells(), services.scheduler(), host, this);
            attempt.digest().ifPresent(forks::answerChallenges);
            OfferBody.Body body = attempt.body().carrying(offer);
            forks.ring(new OriginateRequest(List.of(attempt.target()), attempt.from(), attempt.to(), body.bytes(),
                    attempt.headers(), dial.ringTimeout(), body.contentType()));
            return;
        }
        listener.failed(lastFailure);
    }

    @Override
    public void cancel() {
        if (forks != null && forks.isRinging()) {
            forks.cancel();
        }
    }

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
        listener.answered(leg, dial.number(), ok);
    }

    /**
     * A 5xx, no response (408, 503 when unreachable), or a challenge the trunk's credentials could
     * not answer (401/407: no or refused credentials) is the trunk's problem, not the called number's.
     */
    private static boolean isTrunksFault(Originate.Failure failure) {
        int status = failure.status();
        return !failure.noAnswer() && (status >= 500 || status == 408 || status == 401 || status == 407);
    }

    @Override
    public void failed(Originate.Failure failure) {
        dial.channels().free(callId);
        TrunkAttempt tried = dial.attempts().get(next - 1);
        log.info("trunk failed call_id={} trunk={} status={} reason={}", callId, tried.trunk(), failure.status(),
                failure.reason());
        if (isTrunksFault(failure)) {
            lastFailure = failure;
            start();
            return;
        }
        listener.failed(failure);
    }
}
