package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.call.timer.SessionExpires;
import org.switchboard.pbx.call.timer.SessionTimer;
import org.switchboard.pbx.call.timer.SessionTimerNegotiation;
import org.switchboard.pbx.call.transfer.AttendedTransfer;
import org.switchboard.pbx.call.transfer.BlindTransfer;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.registrar.Binding;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.Fallback;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.dialog.DialogId;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * One call through the back-to-back user agent: the caller's leg (the INVITE we answer), the
 * forks to the callee's phones (first 2xx wins, the others are cancelled), the anchored media, and
 * the CDR when it ends. The phases are an explicit machine ({@link Phase}); every method runs on
 * the call's executor (the caller's Call-ID's, which the forks' Call-IDs are joined to), which owns
 * all fields.
 */
final class Call implements CallLegs {
    private static final Logger log = LoggerFactory.getLogger(Call.class);

    /** Where the call is; moves forward, except that a forwarded call goes from RINGING to CALLING again. */
    enum Phase { SETTING_UP, CALLING, RINGING, ANSWERED, ENDED }

    private final CallServices services;
    private final CallRouter router;
    private final CallRegistry registry;
    private final ServerTransaction invite;
    private SessionDescription offer; // the caller's session: its INVITE's offer, or its ACK's answer (delayed offer)
    private final int mediaIndex;
    private final String caller;
    private final String callerAuthUser; // which of the caller's phones: for the CDR
    private String callee;
    private final Executor executor;
    private final Instant startedAt;
    private final String localTag = RandomTokens.tag();
    private final CalleeForks forks;
    private final LocalContact contact;
    private final InDialogRelay inDialog;
    private Phase phase = Phase.SETTING_UP;
    private CallMedia media;
    private CalleeLeg winner;
    private Dialog callerDialog;
    private Instant answeredAt;
    private ScheduledFuture<?> noAnswer;
    private String calleeParty; // set when a transfer hands the callee's leg to another extension
    private BlindTransfer transfer;
    private SessionTimer callerTimer;
    private SessionTimer calleeTimer;
    // The caller's leg as a transfer may change it: another phone's dialog, Call-ID and flow.
    private String callerParty;
    private String callerCallId;
    private NextHop callerHop;
    private SessionDescription calleeAnswer;
    private final List<String> adoptedLegs = new ArrayList<>();
    private int rings;
    private CallPlan plan;
    private byte[] calleeOffer;
    private DelayedOffer delayedOffer; // the caller's INVITE had no SDP

    Call(CallServices services, CallRouter router, CallRegistry registry, ServerTransaction invite,
            SessionDescription offer, int mediaIndex, String caller, String callerAuthUser, String callee) {
        this.services = services;
        this.router = router;
        this.registry = registry;
        this.invite = invite;
        this.offer = offer;
        this.mediaIndex = mediaIndex;
        this.caller = caller;
        this.callerAuthUser = callerAuthUser;
        this.callee = callee;
        this.callerParty = caller;
        this.callerCallId = invite.request().callId();
        this.executor = invite.executor();
        this.startedAt = services.clock().instant();
        this.forks = new CalleeForks(services.stack(), services.farewells(), id());
        this.contact = new LocalContact(services.stack(), services.settings().sipHost());
        this.inDialog = new InDialogRelay(services.stack(), contact, this::answerRefresh);
    }

    @Override
    public String id() {
        return invite.request().callId();
    }

    @Override
    public Executor executor() {
        return executor;
    }

    // ---- setting up ------------------------------------------------------------------------

    /** Rings the phones the plan names (its action is a {@link CallPlan.Ring}). */
    void ring(CallPlan callPlan) {
        this.plan = callPlan;
        services.events().publish(new PbxEvent.CallStarted(startedAt, id(), caller, callee));
        services.relay().open(id(), (session, leg) -> executor.execute(() -> onMediaTimeout(leg)))
                .whenComplete((session, failure) -> executor.execute(() -> onRelayOpened(session, failure)));
    }

    /** Refuses the call as the router decided, before anything rang. */
    void refuse(CallPlan.Reject reject) {
        refuse(invite.request().createResponse(reject.status(), reject.reason()), Outcomes.of(reject.status()),
                reject.status() + " " + reject.reason());
    }

    /** Refuses the call before anything was answered: the caller gets {@code response}. */
    void refuse(SipResponse response, Disposition disposition, String cause) {
        invite.respond(response.withToTag(localTag));
        end(disposition, cause);
    }

    private void onRelayOpened(RelaySession session, Throwable failure) {
        if (phase == Phase.ENDED) {
            if (session != null) {
                session.close(); // the caller hung up while the ports were being bound
            }
            return;
        }
        if (failure != null) {
            log.warn("media relay unavailable call_id={} reason={}", id(), failure.toString());
            refuse(invite.request().createResponse(503, "Media Unavailable"), Disposition.FAILED, "no media ports");
            return;
        }
        media = new CallMedia(session, services.settings().mediaAddress(), mediaIndex);
        if (offer == null) {
            delayedOffer = new DelayedOffer(media);
            calleeOffer = delayedOffer.calleeOffer();
        } else {
            calleeOffer = media.relay(Leg.A, offer);
        }
        act(plan);
    }

    /** Does what the (first or forwarded) plan says. */
    private void act(CallPlan next) {
        plan = next;
        switch (next.action()) {
            case CallPlan.Ring ring -> ringPhones(ring);
            case CallPlan.Reject reject -> refuse(reject);
            // The router answers a fallback with a ring or a refusal only.
            case CallPlan.FeatureCode code -> refuse(invite.request().createResponse(500), Disposition.FAILED,
                    "feature code as a forwarding target");
        }
    }

    private void ringPhones(CallPlan.Ring ring) {
        callee = ring.extension();
        phase = Phase.CALLING;
        forks.newRing();
        List<String> diversions = Diversion.headers(ring.forwards(), services.settings().domain());
        for (Binding binding : ring.contacts()) {
            fork(binding, calleeOffer, diversions);
        }
        stopRinging();
        int thisRing = ++rings;
        Duration ringTime = ring.onNoAnswer().map(Fallback::after).orElse(services.settings().noAnswerTimeout());
        noAnswer = services.scheduler().schedule(() -> executor.execute(() -> onNoAnswer(thisRing)),
                ringTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The fallback of the current ring for this reason, if the plan offers one. */
    private Optional<Fallback> fallback(boolean busy) {
        return plan.action() instanceof CallPlan.Ring ring ? (busy ? ring.onBusy() : ring.onNoAnswer()) : Optional.empty();
    }

    private void fork(Binding binding, byte[] sdp, List<String> diversions) {
        String callId = RandomTokens.tag() + RandomTokens.tag() + "@" + services.settings().sipHost();
        String domain = services.settings().domain();
        SipRequest.Builder builder = SipRequest.builder(SipMethod.INVITE, binding.contact())
                .from(NameAddress.of(SipUri.of(caller, domain)).withTag(RandomTokens.tag()))
                .to(NameAddress.of(SipUri.of(callee, domain)))
                .callId(callId)
                .cseq(1)
                .maxForwards(70)
                .contact(contact.on(binding.flow().transport()))
                .body(CallMedia.SDP, sdp);
        diversions.forEach(diversion -> builder.header(Diversion.HEADER, diversion));
        SipRequest request = builder.build();
        request = services.sessionTimers().offer(request);
        registry.add(callId, this);
        forks.send(new CalleeLeg(binding, request, this::onCalleeResponse));
    }

    private void onCalleeResponse(CalleeLeg leg, SipResponse response) {
        if (response.isProvisional()) {
            onCalleeProvisional(leg, response);
        } else if (response.isSuccess()) {
            onCalleeAnswered(leg, response);
        } else {
            onCalleeFailed(leg, response);
        }
    }

    private void onCalleeProvisional(CalleeLeg leg, SipResponse response) {
        if (leg.isCancelWanted() && leg.state() == CalleeLeg.State.CALLING) {
            forks.cancel(leg);
            return;
        }
        if (leg.state() == CalleeLeg.State.CALLING) {
            leg.state(CalleeLeg.State.RINGING);
        }
        if (response.status() == 100 || (phase != Phase.CALLING && phase != Phase.RINGING)) {
            return;
        }
        phase = Phase.RINGING;
        SipResponse ringing = invite.request().createResponse(response.status(), response.reason())
                .withToTag(localTag);
        Optional<SessionDescription> early = CallMedia.sdpOf(response);
        if (early.isPresent() && delayedOffer == null) { // without 100rel there is no offer to a silent caller in a 183
            // RFC 3960 early media (183): ringback or announcements from the callee's side.
            ringing = ringing.withHeader(HeaderName.CONTACT, contact.on(invite.flow().transport()).toString())
                    .withBody(CallMedia.SDP, media.relay(Leg.B, early.get()));
        }
        invite.respond(ringing);
    }

    private void onCalleeAnswered(CalleeLeg leg, SipResponse ok) {
        Dialog dialog = leg.dialogFor(ok);
        NextHop hop = leg.hop();
        if (leg.ack() != null) {
            services.stack().resend(leg.ack(), hop.transport(), hop.address()); // a retransmitted 2xx
            return;
        }
        leg.acked(services.stack().sendStateless(dialog.ack(ok.cseq().number()), hop.transport(), hop.address()));
        boolean canWin = winner == null && (phase == Phase.CALLING || phase == Phase.RINGING)
                && leg.state() != CalleeLeg.State.CANCELLING;
        if (!canWin) {
            // A fork answered after another one won, or after the call ended: hang it up.
            leg.state(CalleeLeg.State.ENDED);
            bye(dialog, hop);
            return;
        }
        Optional<SessionDescription> answer = CallMedia.sdpOf(ok);
        AnswerResult result = answer.isEmpty()
                ? new AnswerResult.NotAcceptable("callee answered without SDP")
                : delayedOffer != null ? delayedOffer.calleeAnswered(answer.get()) : media.answerCaller(offer, answer.get());
        switch (result) {
            case AnswerResult.NotAcceptable refused -> {
                leg.state(CalleeLeg.State.ENDED);
                bye(dialog, hop);
                forks.cancelPending();
                refuse(invite.request().createResponse(488).withHeader("Warning", "399 switchboard \""
                        + refused.reason().replace('"', '\'') + "\""), Disposition.FAILED, "488 " + refused.reason());
            }
            case AnswerResult.Answered answered -> {
                calleeAnswer = answer.get();
                answer(leg, dialog, answered);
                SessionTimerNegotiation.granted(ok).ifPresent(agreed -> calleeTimer = timer(Leg.B, agreed, true));
            }
        }
    }

    private void answer(CalleeLeg leg, Dialog calleeDialog, AnswerResult.Answered answered) {
        winner = leg;
        leg.state(CalleeLeg.State.ANSWERED);
        forks.cancelPending();
        stopRinging();
        SipResponse ok = invite.request().createResponse(200).withToTag(localTag)
                .withHeader(HeaderName.CONTACT, contact.on(invite.flow().transport()).toString())
                .withBody(CallMedia.SDP, answered.answer().toSdp().getBytes(StandardCharsets.UTF_8));
        SessionTimerNegotiation.Answer sessionTimer = services.sessionTimers().asUas(invite.request());
        if (sessionTimer instanceof SessionTimerNegotiation.Answer.Granted granted) {
            ok = SessionTimerNegotiation.grant(ok, granted);
        }
        invite.respond(ok);
        callerDialog = Dialog.asUas(invite.request(), ok);
        inDialog.connect(callerDialog, new NextHop(invite.flow().transport(), invite.flow().remote()),
                calleeDialog, leg.hop(), media);
        phase = Phase.ANSWERED;
        if (sessionTimer instanceof SessionTimerNegotiation.Answer.Granted granted) {
            callerTimer = timer(Leg.A, granted.expires(), false);
        }
        answeredAt = services.clock().instant();
        services.events().publish(new PbxEvent.CallAnswered(answeredAt, id()));
        log.info("call answered call_id={} caller={} callee={} codec={}", id(), caller, callee, media.codec().orElse("-"));
    }

    private void onCalleeFailed(CalleeLeg leg, SipResponse response) {
        if (!leg.isPending() && leg.state() != CalleeLeg.State.CANCELLING) {
            return;
        }
        boolean lastOne = forks.failed(leg, response);
        if (!lastOne || (phase != Phase.CALLING && phase != Phase.RINGING)) {
            return;
        }
        SipResponse best = forks.bestFailure().orElse(response);
        int status = best.status();
        Optional<Fallback> onBusy = Outcomes.of(status) == Disposition.BUSY ? fallback(true) : Optional.empty();
        if (onBusy.isPresent()) {
            act(router.follow(plan, onBusy.get()));
            return;
        }
        // Authentication and redirection are between the callee's phone and us, not the caller's business.
        SipResponse toCaller = status < 400 || status == 401 || status == 407
                ? invite.request().createResponse(480)
                : invite.request().createResponse(status, best.reason());
        refuse(toCaller, Outcomes.of(toCaller.status()), status + " " + best.reason());
    }

    // ---- ending before an answer ----------------------------------------------------------

    /** The caller sent CANCEL; the stack already answered 487. */
    void onCancelled() {
        if (phase == Phase.ANSWERED || phase == Phase.ENDED) {
            return;
        }
        forks.cancelPending();
        end(Disposition.CANCELLED, "CANCEL from caller");
    }

    private void onNoAnswer(int ring) {
        if (ring != rings || (phase != Phase.CALLING && phase != Phase.RINGING)) {
            return; // answered, ended, or forwarded since this timer was set
        }
        forks.cancelPending();
        Optional<Fallback> onNoAnswer = fallback(false);
        if (onNoAnswer.isPresent()) {
            act(router.follow(plan, onNoAnswer.get()));
            return;
        }
        refuse(invite.request().createResponse(480, "No Answer"), Disposition.NO_ANSWER, "no answer");
    }

    // ---- answered ------------------------------------------------------------------------

    /** An in-dialog request on one of this call's Call-IDs. */
    void onInDialogRequest(ServerTransaction tx) {
        Leg from = tx.request().callId().equals(callerCallId) ? Leg.A : Leg.B;
        boolean known = phase == Phase.ANSWERED
                && (from == Leg.A || winner.callId().equals(tx.request().callId()));
        if (!known) {
            tx.respond(tx.request().createResponse(481).withToTag(RandomTokens.tag()));
            return;
        }
        if (transfer != null && transfer.isHandingOver()) {
            // A leg is on its way to another call, which may own its dialog already (attended transfer).
            tx.respond(tx.request().createResponse(491, "Transfer In Progress"));
            return;
        }
        if (tx.method().equals(SipMethod.REFER)) {
            transfer().onRefer(from, tx);
            return;
        }
        if (!tx.method().equals(SipMethod.BYE)) {
            inDialog.relay(from, tx);
            return;
        }
        tx.respond(tx.request().createResponse(200));
        hangUpOther(from);
        end(Disposition.ANSWERED, from == Leg.A ? "BYE from caller" : "BYE from callee");
    }

    /** An ACK for a 2xx we sent on one of this call's Call-IDs: it may carry an answer to our offer. */
    void onAck(SipRequest ack) {
        if (phase != Phase.ANSWERED) {
            return;
        }
        Leg from = ack.callId().equals(callerCallId) ? Leg.A : Leg.B;
        if (from == Leg.A && delayedOffer != null && delayedOffer.isAnswerAck(ack, invite.request())) {
            switch (delayedOffer.callerAcked(ack)) {
                case DelayedOffer.Answer.Taken taken -> offer = taken.sdp();
                case DelayedOffer.Answer.Failed failed -> {
                    bye(callerDialog, callerHop());
                    hangUpOther(Leg.A);
                    end(Disposition.FAILED, failed.cause());
                }
            }
            return;
        }
        inDialog.onAck(from, ack).ifPresent(this::hangUp);
    }

    /** The caller never ACKed our 2xx (Timer H or L): the dialog is dead on its side. */
    void onAckTimeout() {
        if (phase == Phase.ANSWERED) {
            hangUpOther(Leg.A);
            bye(callerDialog, callerHop());
            end(Disposition.ANSWERED, "no ACK from caller");
        }
    }

    private void onMediaTimeout(Leg leg) {
        if (phase == Phase.ANSWERED && !media.isHeld()) {
            log.info("media timeout call_id={} leg={}", id(), leg);
            hangUp("media timeout");
        }
    }

    /**
     * Ends the call from the PBX's side: BYE to answered legs, 487 and CANCEL to ringing ones.
     *
     * @return false when the call had already ended
     */
    boolean hangUp(String cause) {
        if (transfer != null && transfer.deferHangUp(() -> hangUp(cause))) {
            return true; // a leg is moving to another call: hang up once it has (or has not)
        }
        switch (phase) {
            case ENDED -> {
                return false;
            }
            case ANSWERED -> {
                bye(callerDialog, callerHop());
                hangUpOther(Leg.A);
                end(Disposition.ANSWERED, cause);
            }
            default -> {
                forks.cancelPending();
                refuse(invite.request().createResponse(487), Disposition.CANCELLED, cause);
            }
        }
        return true;
    }

    private void hangUpOther(Leg from) {
        if (from == Leg.A) {
            bye(winner.dialog(), winner.hop());
        } else {
            bye(callerDialog, callerHop());
        }
    }

    private void bye(Dialog dialog, NextHop hop) {
        services.stack().send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(),
                services.farewells().listener());
    }

    private NextHop callerHop() {
        return callerHop != null ? callerHop : new NextHop(invite.flow().transport(), invite.flow().remote());
    }

    private void stopRinging() {
        if (noAnswer != null) {
            noAnswer.cancel(false);
        }
    }

    private void end(Disposition disposition, String cause) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        stopRinging();
        if (transfer != null) {
            transfer.abandon();
        }
        stopTimer(Leg.A);
        stopTimer(Leg.B);
        if (media != null) {
            media.close();
        }
        // Unregister first: a fork's request that reaches its own executor after it left finds no call (481).
        registry.remove(this, forks.callIds());
        forks.leaveExecutors();
        adoptedLegs.forEach(this::leaveLeg);
        Instant endedAt = services.clock().instant();
        boolean answered = disposition == Disposition.ANSWERED;
        String calleeAddress = Optional.ofNullable(winner).or(forks::first)
                .map(leg -> hostPort(leg.remote())).orElse(null);
        services.cdr().record(new CallRecord(id(), caller, callee, startedAt, answered ? answeredAt : null, endedAt,
                disposition, cause, media == null || !answered ? null : media.codec().orElse(null),
                hostPort(invite.flow().remote()), calleeAddress, callerAuthUser));
        services.events().publish(new PbxEvent.CallEnded(endedAt, id(), disposition.label(), cause));
        log.info("call ended call_id={} disposition={} cause={}", id(), disposition.label(), cause);
    }

    // ---- session timers (pbx.call.timer) -----------------------------------------------------

    private SessionTimer timer(Leg leg, SessionExpires agreed, boolean pbxIsUac) {
        SessionTimer timer = new SessionTimer(services.stack(), services.scheduler(), this, leg, this::hangUp);
        timer.start(agreed, pbxIsUac);
        return timer;
    }

    /** A phone's re-INVITE or UPDATE succeeded: it refreshed its leg's session, and the 2xx says so. */
    private SipResponse answerRefresh(Leg from, SipRequest refresh, SipResponse ok) {
        SessionTimer timer = from == Leg.A ? callerTimer : calleeTimer;
        return timer == null ? ok : timer.refreshedByPhone(refresh, ok);
    }

    private void stopTimer(Leg leg) {
        SessionTimer timer = leg == Leg.A ? callerTimer : calleeTimer;
        if (timer != null) {
            timer.stop();
        }
        if (leg == Leg.A) {
            callerTimer = null;
        } else {
            calleeTimer = null;
        }
    }

    // ---- transfer (pbx.call.transfer) ---------------------------------------------------------

    private BlindTransfer transfer() {
        if (transfer == null) {
            transfer = new BlindTransfer(services.stack(), router, services.scheduler(),
                    services.settings().noAnswerTimeout(), services.settings().domain(), this,
                    new AttendedTransfer(services.stack(), this, callId -> registry.find(callId).map(CallLegs.class::cast)));
        }
        return transfer;
    }

    @Override
    public String party(Leg leg) {
        return leg == Leg.A ? callerParty : Optional.ofNullable(calleeParty).orElse(callee);
    }

    @Override
    public Dialog dialog(Leg leg) {
        return leg == Leg.A ? callerDialog : winner.dialog();
    }

    @Override
    public NextHop hop(Leg leg) {
        return leg == Leg.A ? callerHop() : winner.hop();
    }

    @Override
    public NameAddress contact(Transport transport) {
        return contact.on(transport);
    }

    @Override
    public byte[] offerReplacing(Leg leg) {
        return media.relay(leg.other(), leg == Leg.B ? offer : calleeAnswer);
    }

    @Override
    public String joinNewLeg() {
        String callId = RandomTokens.tag() + RandomTokens.tag() + "@" + services.settings().sipHost();
        services.stack().joinExecutor(callId, id());
        registry.add(callId, this);
        return callId;
    }

    @Override
    public void leaveLeg(String callId) {
        registry.removeLeg(callId, this);
        services.stack().leaveExecutor(callId);
    }

    @Override
    public void replace(Leg leg, String party, Binding binding, SipRequest legInvite, SipResponse ok, SipRequest ack) {
        stopTimer(leg); // the new phone's INVITE agreed no timer
        if (leg == Leg.A) {
            // The call keeps its id and CDR; only the caller's dialog, Call-ID and flow change.
            callerDialog = Dialog.asUac(legInvite, ok);
            callerHop = new NextHop(binding.flow().transport(), binding.flow().remote());
            callerCallId = legInvite.callId();
            callerParty = party;
            adoptedLegs.add(legInvite.callId());
            inDialog.connect(callerDialog, callerHop, winner.dialog(), winner.hop(), media);
            return;
        }
        CalleeLeg next = new CalleeLeg(binding, legInvite, this::onCalleeResponse);
        next.dialogFor(ok);
        next.acked(ack);
        next.state(CalleeLeg.State.ANSWERED);
        winner.state(CalleeLeg.State.ENDED);
        forks.adopt(next);
        winner = next;
        calleeParty = party;
        inDialog.connect(callerDialog, callerHop(), next.dialog(), next.hop(), media);
    }

    @Override
    public boolean isTransferring() {
        return transfer != null && transfer.isBusy();
    }

    @Override
    public Optional<Leg> legWithDialog(String callId, String localTag, String remoteTag) {
        if (phase != Phase.ANSWERED) {
            return Optional.empty();
        }
        for (Leg leg : Leg.values()) {
            if (dialog(leg).id().equals(new DialogId(callId, localTag, remoteTag))) {
                return Optional.of(leg);
            }
        }
        return Optional.empty();
    }

    @Override
    public HandedOverLeg handOver(Leg leg) {
        return new HandedOverLeg(party(leg), dialog(leg), hop(leg));
    }

    @Override
    public void adopt(Leg leg, HandedOverLeg handed) {
        stopTimer(leg); // the moved leg's session timer stayed with its old call
        // The old call points the registry here once it hears back (endHandedOver): until then the
        // leg's requests, on either executor, find the old call, which answers them 491.
        services.stack().joinExecutor(handed.callId(), id());
        if (leg == Leg.A) {
            callerDialog = handed.dialog();
            callerHop = handed.hop();
            callerCallId = handed.callId();
            callerParty = handed.party();
            adoptedLegs.add(handed.callId());
        } else {
            CalleeLeg next = CalleeLeg.adopted(handed.hop(), handed.dialog());
            winner.state(CalleeLeg.State.ENDED);
            forks.adopt(next);
            winner = next;
            calleeParty = handed.party();
        }
        inDialog.connect(callerDialog, callerHop(), winner.dialog(), winner.hop(), media);
    }

    @Override
    public void endHandedOver(Leg handedOver, String newCallId, String cause) {
        String legCallId = handedOver == Leg.A ? callerCallId : winner.callId();
        registry.call(newCallId).ifPresent(newCall -> registry.add(legCallId, newCall));
        if (handedOver == Leg.A) {
            adoptedLegs.remove(legCallId);
        } else {
            forks.release(winner);
        }
        end(Disposition.ANSWERED, cause);
    }

    @Override
    public byte[] relayMedia(Leg from, SessionDescription sdp) {
        media.followOffer(from, sdp);
        return media.relay(from, sdp);
    }

    // ---- what the API sees ------------------------------------------------------------------

    /** A snapshot of the call; its media counters come from the relay's loop. */
    CompletableFuture<CallSnapshot> snapshot() {
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), caller, callee, state(), startedAt,
                Optional.ofNullable(answeredAt), media == null ? Optional.empty() : media.codec());
        parts.addLeg(true, callerCallId, callerParty, hostPort(callerHop().address()), media == null ? 0 : media.localRtpPort(Leg.A),
                media == null ? Optional.empty() : media.signalledRtp(Leg.A));
        for (CalleeLeg leg : forks.all()) {
            if (leg.isPending() || leg == winner) {
                parts.addLeg(false, leg.callId(), party(Leg.B), hostPort(leg.remote()),
                        media == null ? 0 : media.localRtpPort(Leg.B),
                        media == null ? Optional.empty() : media.signalledRtp(Leg.B));
            }
        }
        if (media == null) {
            return CompletableFuture.completedFuture(parts.build(null));
        }
        return media.stats().thenApply(parts::build);
    }

    private CallState state() {
        return switch (phase) {
            case SETTING_UP, CALLING -> CallState.SETTING_UP;
            case RINGING -> CallState.RINGING;
            case ANSWERED -> media.isHeld() ? CallState.ON_HOLD : CallState.ANSWERED;
            case ENDED -> CallState.ENDING;
        };
    }

    /** A transport address as the CDR and the API show it. */
    static String hostPort(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
