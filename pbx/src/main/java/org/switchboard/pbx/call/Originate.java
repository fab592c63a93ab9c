package org.switchboard.pbx.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.app.ChallengeAnswer;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.auth.DigestClient;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.NextHop;

/**
 * Rings a destination for a call, the one copy of outbound ringing every feature uses (call
 * control's forks, transfer, and later click-to-dial and queues): one INVITE per {@link
 * OriginateTarget}, each on a new Call-ID joined to the call's executor. The first 2xx wins and is
 * ACKed; the other INVITEs are cancelled, one without a provisional yet as soon as its first one
 * comes (RFC 3261 §9.1). A 2xx of a fork that lost, or that came after the originate was over, is
 * ACKed and hung up with BYE; a retransmitted 2xx gets the same ACK again (§13.2.2.4). When every
 * fork failed the best final response is reported (after §16.7: a 6xx, else 486, else the lowest
 * class), and when nobody answered within the ring time the forks are cancelled and "no answer" is
 * reported. A timeout counts as 408, an unreachable target as 503. With {@link #answerChallenges}
 * (a carrier's trunk), a fork's 401 or 407 is answered: the INVITE goes again with credentials, the
 * next CSeq, the same Call-ID and From tag ({@link ChallengeAnswer}, as for the trunk's REGISTER).
 *
 * <p>One ring per instance. Owned by the call's executor: every method and callback runs there.
 */
public final class Originate {
    private static final Logger log = LoggerFactory.getLogger(Originate.class);

    /** How a ring goes; called on the call's executor, at most one of answered or failed. */
    public interface Progress {
        /** A target sent a provisional response other than 100 (ringing, early media). */
        void ringing(OutboundLeg leg, SipResponse provisional);

        /**
         * {@code leg} answered first with {@code ok}, already ACKed; the other forks are being
         * cancelled. The leg is the caller's from now on: it hangs it up if it cannot use the answer.
         */
        void answered(OutboundLeg leg, SipResponse ok);

        /** Nobody answered: why, with the SIP status to pass on. */
        void failed(Failure failure);
    }

    /**
     * Why a ring ended without an answer.
     *
     * @param noAnswer true when the ring time ran out (status 480), false when every fork failed
     */
    public record Failure(int status, String reason, boolean noAnswer) {
        /**
         * The failure as the party that asked for the ring is told it: a ring-out is {@code 480 No Answer}; a
         * redirection or an authentication challenge is between the phone and the PBX, not the asker's business,
         * so {@code 480 Temporarily Unavailable}; anything else as the phone answered.
         */
        public Failure passedOn() {
            if (noAnswer) {
                return new Failure(480, "No Answer", true);
            }
            if (status < 400 || status == 401 || status == 407) {
                return new Failure(480, "Temporarily Unavailable", false);
            }
            return this;
        }
    }

    private enum State { NEW, RINGING, ANSWERED, OVER }

    /**
     * The Reason (RFC 3326) on the CANCELs of phones whose call was answered by another phone: phones then
     * do not list it as missed.
     */
    static final Header ANSWERED_ELSEWHERE = Header.of("Reason", "SIP;cause=200;text=\"Call completed elsewhere\"");

    private final SipStack stack;
    private final Farewells farewells;
    private final ScheduledExecutorService scheduler;
    private final LegHost host;
    private final Progress progress;
    private final List<OutboundLeg> forks = new ArrayList<>();
    private State state = State.NEW;
    private SipResponse bestFailure;
    private List<Header> cancelHeaders = List.of();
    private ScheduledFuture<?> ringTimer;
    private Optional<DigestClient> credentials = Optional.empty();
    private final Map<String, ChallengeAnswer> challenges = new HashMap<>(); // by fork Call-ID

    Originate(SipStack stack, Farewells farewells, ScheduledExecutorService scheduler, LegHost host, Progress progress) {
        this.stack = stack;
        this.farewells = farewells;
        this.scheduler = scheduler;
        this.host = host;
        this.progress = progress;
    }

    /** Answers the forks' 401 and 407 with {@code digest} (before {@link #ring}); without it a challenge is a failure. */
    public void answerChallenges(DigestClient digest) {
        credentials = Optional.of(digest);
    }

    /** Sends one INVITE per target and starts the ring time. */
    public void ring(OriginateRequest request) {
        if (state != State.NEW) {
            throw new IllegalStateException("an originate rings once");
        }
        state = State.RINGING;
        for (OriginateTarget target : request.targets()) {
            SipRequest.Builder invite = SipRequest.builder(SipMethod.INVITE, target.requestUri())
                    .from(request.from().withTag(RandomTokens.tag()))
                    .to(request.to())
                    .callId(host.joinNewLeg())
                    .cseq(1)
                    .maxForwards(70)
                    .contact(host.contact(target.hop().transport()));
            for (Header header : request.headers()) {
                invite.header(header.name(), header.value());
            }
            if (request.sdp().length > 0) {
                invite.body(request.contentType(), request.sdp());
            }
            OutboundLeg leg = new OutboundLeg(target.hop(), invite.build(), this::onResponse);
            forks.add(leg);
            send(leg);
        }
        Executor executor = host.executor();
        ringTimer = scheduler.schedule(() -> executor.execute(this::onRingTimeout),
                request.ringTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(OutboundLeg leg) {
        NextHop hop = leg.hop();
        leg.sent(stack.send(leg.invite(), hop.transport(), hop.address(), leg));
    }

    /** Gives up: every fork still ringing is cancelled and nothing more is reported. */
    public void cancel() {
        if (state == State.RINGING) {
            over();
        }
    }

    /**
     * Gives up because the call was answered by a phone this ring did not reach (call pickup): as {@link
     * #cancel}, the CANCELs saying so.
     */
    public void cancelAnsweredElsewhere() {
        cancelHeaders = List.of(ANSWERED_ELSEWHERE);
        cancel();
    }

    /** Whether no fork has answered and the ring is not over. */
    public boolean isRinging() {
        return state == State.RINGING;
    }

    /** The forks sent, in order. */
    public List<OutboundLeg> legs() {
        return List.copyOf(forks);
    }

    /** The forks still waiting for a final response. */
    public List<OutboundLeg> pending() {
        return forks.stream().filter(OutboundLeg::isPending).toList();
    }

    private void onResponse(OutboundLeg leg, SipResponse response) {
        if (response.isProvisional()) {
            onProvisional(leg, response);
        } else if (response.isSuccess()) {
            onSuccess(leg, response);
        } else {
            onFailure(leg, response);
        }
    }

    private void onProvisional(OutboundLeg leg, SipResponse response) {
        if (leg.isCancelWanted() && leg.state() == OutboundLeg.State.CALLING) {
            cancel(leg);
            return;
        }
        if (leg.state() == OutboundLeg.State.CALLING) {
            leg.state(OutboundLeg.State.RINGING);
        }
        if (response.status() != 100 && state == State.RINGING) {
            progress.ringing(leg, response);
        }
    }

    private void onSuccess(OutboundLeg leg, SipResponse ok) {
        Dialog dialog = leg.dialogFor(ok);
        NextHop hop = leg.hop();
        if (leg.ack() != null) {
            stack.resend(leg.ack(), hop.transport(), hop.address()); // a retransmitted 2xx
            return;
        }
        leg.acked(stack.sendStateless(dialog.ack(ok.cseq().number()), hop.transport(), hop.address()));
        if (state != State.RINGING || leg.state() == OutboundLeg.State.CANCELLING) {
            // Another fork won, the ring is over, or our CANCEL crossed this 2xx (§9.1): hang it up.
            leg.state(OutboundLeg.State.ENDED);
            stack.send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(), farewells.listener());
            return;
        }
        state = State.ANSWERED;
        leg.state(OutboundLeg.State.ANSWERED);
        stopRingTimer();
        cancelHeaders = List.of(ANSWERED_ELSEWHERE);
        cancelPending();
        progress.answered(leg, ok);
    }

    private void onFailure(OutboundLeg leg, SipResponse response) {
        if (!leg.isPending() && leg.state() != OutboundLeg.State.CANCELLING) {
            return;
        }
        leg.state(OutboundLeg.State.ENDED);
        if (state == State.RINGING && !leg.isCancelWanted() && answeredChallenge(leg, response)) {
            return;
        }
        if (bestFailure == null || Outcomes.isBetter(response.status(), bestFailure.status())) {
            bestFailure = response;
        }
        if (state == State.RINGING && forks.stream().noneMatch(OutboundLeg::isPending)) {
            state = State.OVER;
            stopRingTimer();
            log.debug("originate failed status={} forks={}", bestFailure.status(), forks.size());
            progress.failed(new Failure(bestFailure.status(), bestFailure.reason(), false));
        }
    }

    /** Sends {@code leg}'s INVITE again with credentials when {@code response} is a challenge we answer. */
    private boolean answeredChallenge(OutboundLeg leg, SipResponse response) {
        if (credentials.isEmpty() || !ChallengeAnswer.isChallenge(response)) {
            return false;
        }
        Optional<SipRequest> retry = challenges.computeIfAbsent(leg.callId(), id -> new ChallengeAnswer(credentials.get()))
                .retry(leg.invite(), response);
        if (retry.isEmpty()) {
            return false;
        }
        // The transaction ACKed the challenge; the retry is a new fork in the old one's place (same index).
        OutboundLeg again = new OutboundLeg(leg.hop(), retry.get(), this::onResponse);
        forks.set(forks.indexOf(leg), again);
        send(again);
        return true;
    }

    private void onRingTimeout() {
        if (state == State.RINGING) {
            over();
            progress.failed(new Failure(480, "No Answer", true));
        }
    }

    private void over() {
        state = State.OVER;
        stopRingTimer();
        cancelPending();
    }

    private void cancelPending() {
        for (OutboundLeg leg : forks) {
            if (leg.state() == OutboundLeg.State.RINGING) {
                cancel(leg);
            } else if (leg.state() == OutboundLeg.State.CALLING) {
                leg.wantCancel();
            }
        }
    }

    private void cancel(OutboundLeg leg) {
        leg.state(OutboundLeg.State.CANCELLING);
        stack.cancel(leg.transaction(), farewells.listener(), cancelHeaders);
    }

    private void stopRingTimer() {
        if (ringTimer != null) {
            ringTimer.cancel(false);
        }
    }
}
