package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.call.timer.LegTimers;
import org.switchboard.pbx.call.timer.SessionTimerNegotiation;
import org.switchboard.pbx.call.transfer.AttendedTransfer;
import org.switchboard.pbx.call.transfer.BlindTransfer;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.CallRouter;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.dialog.DialogId;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.callsettings.MediaEncryption;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * One call through the back-to-back user agent: the caller's leg (the INVITE we answer), the
 * forks to the callee's phones (first 2xx wins, the others are cancelled), the anchored media, and
 * the CDR when it ends. The phases are an explicit machine ({@link Phase}); every method runs on
 * the call's executor (the caller's Call-ID's, which the forks' Call-IDs are joined to), which owns
 * all fields.
 */
final class Call implements CallLegs, CallSession {
    private static final Logger log = LoggerFactory.getLogger(Call.class);

    /** Where the call is; moves forward, except that a forwarded call goes from RINGING to CALLING again. */
    enum Phase { SETTING_UP, CALLING, RINGING, ANSWERED, ENDED }

    private final CallServices services;
    private final CallRouter router;
    private final CallRegistry registry;
    private final PbxAnswering answering;
    private final ServerTransaction invite; // null when the caller is a leg the PBX rang itself (originate)
    private final String id;
    private final InetSocketAddress callerAddress; // where the caller called from, as the CDR shows it
    private SessionDescription offer; // the caller's session: its INVITE's offer, or its ACK's answer (delayed offer)
    private final int mediaIndex;
    private final SipLogin login; // the caller's extension and which of its phones (for the CDR)
    private final String caller;
    private String callee;
    private final Executor executor;
    private final Instant startedAt;
    private final String localTag = RandomTokens.tag();
    // Every Call-ID joined to this call's executor besides its own: forks, transfer targets, adopted legs.
    private final Set<String> joinedLegs = new LinkedHashSet<>();
    private final LocalContact contact;
    private final InDialogRelay inDialog;
    private Phase phase = Phase.SETTING_UP;
    private CallMedia media;
    private CalleeRinging ringing; // the callee's phones, then a forwarding target's; or a trunk
    private List<Header> callerHeaders = List.of(); // sent to the phones rung for the caller
    private TrunkDial trunkDial; // set when the callee is a number an outbound route sends to a trunk
    private Originate firstRing; // its first fork is the CDR's callee address when nobody answered
    private OutboundLeg winner;
    private Dialog callerDialog;
    private Instant answeredAt;
    private String calleeParty; // set when a transfer hands the callee's leg to another extension
    private BlindTransfer transfer;
    private final LegTimers timers;
    // The caller's leg as a transfer may change it: another phone's dialog, Call-ID and flow.
    private String callerParty;
    private String callerCallId;
    private NextHop callerHop;
    private SessionDescription calleeAnswer;
    private CallPlan plan;
    private byte[] calleeOffer;
    private DelayedOffer delayedOffer; // the caller's INVITE had no SDP
    private PbxAnsweredCall resumedAs; // the application's call the caller was transferred to (REFER)
    private Optional<CallTap> recording = Optional.empty();

    /**
     * @param answering call control's services, router and registry, and what starts the application a
     *     ringing call is sent to (last resort, forwarding)
     * @param startedAt when the caller's INVITE came
     */
    Call(PbxAnswering answering, ServerTransaction invite, SessionDescription offer, int mediaIndex, SipLogin login,
            String callee, Instant startedAt) {
        this.services = answering.services();
        this.router = answering.router();
        this.registry = answering.registry();
        this.answering = answering;
        this.invite = invite;
        this.offer = offer;
        this.mediaIndex = mediaIndex;
        this.login = login;
        this.caller = login.extension();
        this.callee = callee;
        this.callerParty = caller;
        this.callerCallId = invite.request().callId();
        this.id = callerCallId;
        this.callerAddress = invite.flow().remote();
        this.executor = invite.executor();
        this.startedAt = startedAt;
        this.contact = new LocalContact(services.stack(), services.settings().sipHost());
        this.timers = new LegTimers(services.stack(), services.scheduler(), this, this::hangUp);
        this.inDialog = new InDialogRelay(services.stack(), contact, timers::refreshed);
    }

    /**
     * A call whose caller is a leg the PBX rang itself ({@link PbxAnsweredCall#originated}), about to be
     * {@link #bridge bridged} to an extension: there is no caller's INVITE, so the call's {@code id} and
     * {@code executor} are the originated call's, and the caller's dialog runs on {@code callerCallId}
     * (the PBX's INVITE to it) reached at {@code callerHop}.
     */
    Call(PbxAnswering answering, String id, Executor executor, String callerCallId, NextHop callerHop,
            SessionDescription offer, int mediaIndex, SipLogin login, String callee, Instant startedAt) {
        this.services = answering.services();
        this.router = answering.router();
        this.registry = answering.registry();
        this.answering = answering;
        this.invite = null;
        this.id = id;
        this.callerAddress = callerHop.address();
        this.offer = offer;
        this.mediaIndex = mediaIndex;
        this.login = login;
        this.caller = login.extension();
        this.callee = callee;
        this.callerParty = caller;
        this.callerCallId = callerCallId;
        this.callerHop = callerHop;
        this.executor = executor;
        this.startedAt = startedAt;
        this.contact = new LocalContact(services.stack(), services.settings().sipHost());
        this.timers = new LegTimers(services.stack(), services.scheduler(), this, this::hangUp);
        this.inDialog = new InDialogRelay(services.stack(), contact, timers::refreshed);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    // ---- setting up ------------------------------------------------------------------------

    /**
     * Rings the phones the plan names (its action is a {@link CallPlan.Ring}), sending them {@code callerHeaders}
     * besides the call's own (a trunk caller's P-Asserted-Identity with its verstat).
     */
    void ring(CallPlan callPlan, List<Header> callerHeaders) {
        this.plan = callPlan;
        this.callerHeaders = callerHeaders;
        open();
    }

    /** Announces the call and opens its relay session; the ring starts once the ports are bound. */
    private void open() {
        services.events().publish(new PbxEvent.CallStarted(startedAt, id(), caller, callee));
        services.relay().open(id(), (session, leg) -> executor.execute(() -> onMediaTimeout(leg)))
                .whenComplete((session, failure) -> executor.execute(() -> onRelayOpened(session, failure)));
    }

    /**
     * What the callee's leg is held to for SRTP: the dialled extension's policy; plain RTP towards a
     * carrier (trunks are not offered SDES keys: carriers rarely take them, and the crypto line
     * would push an INVITE already carrying an Identity header past the UDP size limit).
     */
    private MediaEncryption calleeEncryption() {
        return trunkDial != null ? MediaEncryption.REFUSE : router.mediaEncryption(callee);
    }

    /** Relays the call to the trunks of an outbound route instead of ringing extensions. */
    void relay(TrunkDial dial) {
        trunkDial = dial;
        open();
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
        media = new CallMedia(session, services.settings().mediaAddress(), mediaIndex,
                new HeldPartyMusic(services.endpoints(), session, executor, services.holdMusic(), this::party),
                new SdesLeg(router.mediaEncryption(caller), mediaIndex), new SdesLeg(calleeEncryption(), mediaIndex));
        if (offer == null) {
            delayedOffer = new DelayedOffer(media);
            calleeOffer = delayedOffer.calleeOffer();
        } else {
            calleeOffer = media.relay(Leg.A, offer);
        }
        if (trunkDial != null) {
            phase = Phase.CALLING;
            TrunkRing trunks = new TrunkRing(services, this, id(), trunkDial, calleeOffer, new CalleeRing());
            ringing = trunks;
            trunks.start();
            return;
        }
        ExtensionRing phones = new ExtensionRing(services, router, this, caller, calleeOffer, new CalleeRing(),
                callerHeaders);
        ringing = phones;
        phones.start(plan);
    }

    /**
     * The extension rung could not take the call and its last resort (or a forwarding) is an
     * application: the caller, still unanswered, goes to it with its INVITE, which the application
     * answers or refuses. This call ends without a record: the application's call carries on with the
     * same id, start time and To tag.
     */
    private void handOver(CallPlan.Apply apply) {
        log.info("call handed to an application call_id={} kind={} target={} reason={}", id(),
                apply.destination().kind(), apply.destination().target(), apply.destination().argument().orElse("-"));
        phase = Phase.ENDED;
        release();
        answering.start(invite, login, Optional.ofNullable(offer), Optional.of(startedAt), localTag, apply.destination());
    }

    private boolean isRinging() {
        return phase == Phase.CALLING || phase == Phase.RINGING;
    }

    /** The callee's phones ringing for the caller: what each ring's progress does to the call. */
    private final class CalleeRing implements ExtensionRing.Listener {
        @Override
        public void ringing(CallPlan.Ring ring, Originate forks) {
            callee = ring.extension();
            phase = Phase.CALLING;
            if (firstRing == null) {
                firstRing = forks;
            }
            services.ringing().ringing(id(), caller, ring.contacts().stream().map(c -> c.extension())
                    .collect(Collectors.toSet()), services.clock().instant());
        }

        @Override
        public void refused(CallPlan.Reject reject) {
            refuse(reject);
        }

        @Override
        public void applied(CallPlan.Apply apply) {
            handOver(apply);
        }

        @Override
        public void provisional(OutboundLeg leg, SipResponse response) {
            if (!isRinging()) {
                return;
            }
            phase = Phase.RINGING;
            SipResponse toCaller = invite.request().createResponse(response.status(), response.reason()).withToTag(localTag);
            Optional<SessionDescription> early = CallMedia.sdpOf(response);
            if (early.isPresent() && delayedOffer == null) { // without 100rel there is no offer to a silent caller in a 183
                // RFC 3960 early media (183): ringback or announcements from the callee's side.
                toCaller = toCaller.withHeader(HeaderName.CONTACT, contact.on(invite.flow().transport()).toString())
                        .withBody(CallMedia.SDP, media.relay(Leg.B, early.get()));
            }
            invite.respond(toCaller);
        }

        @Override
        public void answered(OutboundLeg leg, String extension, SipResponse ok) {
            if (!isRinging()) {
                leg.state(OutboundLeg.State.ENDED);
                services.bye(leg.dialog(), leg.hop());
                return;
            }
            Optional<SessionDescription> answer = CallMedia.sdpOf(ok);
            AnswerResult result = answer.isEmpty()
                    ? new AnswerResult.NotAcceptable("callee answered without SDP")
                    : delayedOffer != null ? delayedOffer.calleeAnswered(answer.get()) : media.answerCaller(offer, answer.get());
            switch (result) {
                case AnswerResult.NotAcceptable refused -> {
                    leg.state(OutboundLeg.State.ENDED);
                    services.bye(leg.dialog(), leg.hop());
                    refuse(invite.request().createResponse(488).withHeader("Warning", "399 switchboard \""
                            + refused.reason().replace('"', '\'') + "\""), Disposition.FAILED, "488 " + refused.reason());
                }
                case AnswerResult.Answered answered -> {
                    callee = extension; // a group's member who answered is the callee from now on
                    calleeAnswer = answer.get();
                    answer(leg, answered);
                    SessionTimerNegotiation.granted(ok).ifPresent(agreed -> timers.start(Leg.B, agreed, true));
                }
            }
        }

        @Override
        public void failed(Originate.Failure failure) {
            if (!isRinging()) {
                return;
            }
            if (failure.noAnswer()) {
                refuse(invite.request().createResponse(480, "No Answer"), Disposition.NO_ANSWER, "no answer");
                return;
            }
            int status = failure.status();
            // Authentication and redirection are between the callee's phone and us, not the caller's business.
            SipResponse toCaller = status < 400 || status == 401 || status == 407
                    ? invite.request().createResponse(480)
                    : invite.request().createResponse(status, failure.reason());
            refuse(toCaller, Outcomes.of(toCaller.status()), status + " " + failure.reason());
        }
    }

    private void answer(OutboundLeg leg, AnswerResult.Answered answered) {
        services.ringing().stopped(id());
        winner = leg;
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
                leg.dialog(), leg.hop(), media);
        phase = Phase.ANSWERED;
        if (sessionTimer instanceof SessionTimerNegotiation.Answer.Granted granted) {
            timers.start(Leg.A, granted.expires(), false);
        }
        answeredAt = services.clock().instant();
        services.recordAnswer(cdrRecord(Disposition.ANSWERED, CdrRecorder.IN_PROGRESS, answeredAt));
        log.info("call answered call_id={} caller={} callee={} codec={}", id(), caller, callee, media.codec().orElse("-"));
        recording = services.recorders().tap(bridged(), false);
    }

    /**
     * A phone that was not rung answers this ringing call (call pickup, docs/pickup.md): the phones still
     * ringing are cancelled as answered elsewhere, the caller gets its 200 with the codecs both it and the picker
     * offered, and the picker is the callee leg (its own INVITE's dialog) relayed like any answered phone.
     */
    void pickUp(PickingPhone picker) {
        if (!isRinging() || media == null || invite == null || delayedOffer != null || media.isSecure(Leg.A)) {
            picker.refused(480, isRinging() ? "Call Cannot Be Picked Up" : "Call No Longer Ringing");
            return;
        }
        AnswerResult callerAnswer = media.answerCaller(offer, picker.offer());
        AnswerResult pickerAnswer = callerAnswer instanceof AnswerResult.Answered agreed
                ? media.answerPicker(picker.offer(), agreed) : callerAnswer;
        if (!(pickerAnswer instanceof AnswerResult.Answered toPicker)) {
            picker.refused(488, "No Codec In Common With The Caller");
            return;
        }
        log.info("call picked up call_id={} rung={} picked_up_by={}", id(), callee, picker.extension());
        ringing.cancelAnsweredElsewhere();
        callee = picker.extension();
        calleeAnswer = picker.offer();
        SipResponse ok = picker.ok(toPicker.answer().toSdp().getBytes(StandardCharsets.UTF_8),
                contact.on(picker.hop().transport()), invite.request().from());
        OutboundLeg leg = OutboundLeg.adopted(picker.hop(), Dialog.asUas(picker.request(), ok));
        joinedLegs.add(leg.callId()); // registered and joined once the picker has its 200 (pickerJoined)
        answer(leg, (AnswerResult.Answered) callerAnswer);
        picker.answered(ok, this);
    }

    /**
     * The picker's 200 went out and its Call-ID ({@code pickerCallId}) is this call's ({@code joined}), or its
     * INVITE had ended first: then the caller, answered already, is hung up.
     */
    void pickerJoined(String pickerCallId, boolean joined) {
        if (!joined) {
            hangUp("picker gone before its answer");
        } else if (phase == Phase.ENDED) { // the call ended while the picker's 200 was on its way
            registry.remove(this, List.of(pickerCallId));
            services.stack().leaveExecutor(pickerCallId);
            services.bye(winner.dialog(), winner.hop());
        }
    }

    @Override
    public boolean record(boolean on) {
        if (phase != Phase.ANSWERED || media == null) {
            return false;
        }
        if (!on) {
            stopRecording();
            return true;
        }
        if (recording.isEmpty()) {
            recording = services.recorders().tap(bridged(), true);
        }
        return recording.isPresent();
    }

    private BridgedCall bridged() {
        return new BridgedCall(id(), caller, callee, media.session(), media.codec(), executor);
    }

    private void stopRecording() {
        recording.ifPresent(CallTap::stop);
        recording = Optional.empty();
    }

    /**
     * A PBX-answered caller sent on by its application ({@link PbxLegTransfer}) is connected to
     * {@code leg}, extension {@code extension}'s phone, which answered {@code ok} with {@code answer}:
     * the call takes over the caller's dialog (answered at {@code callerAnsweredAt}) and the relay
     * session ({@code bridgeMedia}) and is up; its CDR row names the extension from now on.
     */
    void bridge(String extension, Dialog dialog, Instant callerAnsweredAt, CallMedia bridgeMedia, OutboundLeg leg,
            SipResponse ok, SessionDescription answer) {
        callee = extension;
        callerDialog = dialog;
        answeredAt = callerAnsweredAt;
        media = bridgeMedia;
        winner = leg;
        calleeAnswer = answer;
        phase = Phase.ANSWERED;
        inDialog.connect(callerDialog, callerHop(), leg.dialog(), leg.hop(), media);
        SessionTimerNegotiation.granted(ok).ifPresent(agreed -> timers.start(Leg.B, agreed, true));
        services.cdr().answered(cdrRecord(Disposition.ANSWERED, CdrRecorder.IN_PROGRESS, answeredAt));
        log.info("pbx leg bridged call_id={} caller={} callee={} codec={}", id(), caller, callee, media.codec().orElse("-"));
    }

    /**
     * The Call-IDs of the PBX's own INVITEs to an originated caller ({@code callIds}, joined to this call's executor
     * already) are this call's now: their requests find it, and its end releases them.
     */
    void adoptJoined(List<String> callIds) {
        callIds.forEach(callId -> registry.add(callId, this));
        joinedLegs.addAll(callIds);
    }

    /** A transfer's ring that connected nobody: the Call-IDs its phones were rung on are forgotten. */
    void abandon() {
        phase = Phase.ENDED;
        release();
    }

    // ---- ending before an answer ----------------------------------------------------------

    /** The caller sent CANCEL; the stack already answered 487. */
    @Override
    public void onCancelled() {
        if (phase == Phase.ANSWERED || phase == Phase.ENDED) {
            return;
        }
        stopRinging();
        end(Disposition.CANCELLED, "CANCEL from caller");
    }

    // ---- answered ------------------------------------------------------------------------

    /** An in-dialog request on one of this call's Call-IDs. */
    @Override
    public void onInDialogRequest(ServerTransaction tx) {
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
    @Override
    public void onAck(SipRequest ack) {
        if (phase != Phase.ANSWERED) {
            return;
        }
        Leg from = ack.callId().equals(callerCallId) ? Leg.A : Leg.B;
        if (from == Leg.A && delayedOffer != null && delayedOffer.isAnswerAck(ack, invite.request())) {
            switch (delayedOffer.callerAcked(ack)) {
                case DelayedOffer.Answer.Taken taken -> offer = taken.sdp();
                case DelayedOffer.Answer.Failed failed -> {
                    services.bye(callerDialog, callerHop());
                    hangUpOther(Leg.A);
                    end(Disposition.FAILED, failed.cause());
                }
            }
            return;
        }
        inDialog.onAck(from, ack).ifPresent(this::hangUp);
    }

    /** The caller never ACKed our 2xx (Timer H or L): the dialog is dead on its side. */
    @Override
    public void onAckTimeout() {
        if (phase == Phase.ANSWERED) {
            hangUpOther(Leg.A);
            services.bye(callerDialog, callerHop());
            end(Disposition.ANSWERED, "no ACK from caller");
        }
    }

    void onMediaTimeout(Leg leg) {
        if (resumedAs != null) {
            resumedAs.onMediaTimeout(leg); // the relay session went with the caller to an application
        } else if (phase == Phase.ANSWERED && !media.isHeld()) {
            log.info("media timeout call_id={} leg={}", id(), leg);
            hangUp("media timeout");
        }
    }

    @Override
    public boolean endCall(String cause) {
        return hangUp(cause);
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
                services.bye(callerDialog, callerHop());
                hangUpOther(Leg.A);
                end(Disposition.ANSWERED, cause);
            }
            default -> {
                stopRinging();
                refuse(invite.request().createResponse(487), Disposition.CANCELLED, cause);
            }
        }
        return true;
    }

    private void hangUpOther(Leg from) {
        if (from == Leg.A) {
            services.bye(winner.dialog(), winner.hop());
        } else {
            services.bye(callerDialog, callerHop());
        }
    }

    private NextHop callerHop() {
        return callerHop != null ? callerHop : new NextHop(invite.flow().transport(), invite.flow().remote());
    }

    /** Cancels the phones still ringing, if any. */
    private void stopRinging() {
        if (ringing != null) {
            ringing.cancel();
        }
    }

    private void end(Disposition disposition, String cause) {
        if (phase == Phase.ENDED) {
            return;
        }
        if (answeredAt != null && media != null) {
            services.recordQuality(snapshot()); // its relay counters are read before release() closes the relay
        }
        phase = Phase.ENDED;
        stopRecording(); // before release() closes the relay: the tap finishes on the relay's loop first
        release();
        Instant endedAt = services.clock().instant();
        services.recordEnd(cdrRecord(disposition, cause, endedAt));
    }

    /** Stops everything the call runs (ring, transfer, timers, relay) and forgets its Call-IDs. */
    private void release() {
        services.ringing().stopped(id());
        stopRinging();
        if (transfer != null) {
            transfer.abandon();
        }
        timers.stop(Leg.A);
        timers.stop(Leg.B);
        if (media != null) {
            media.close();
        }
        // Unregister first: a fork's request that reaches its own executor after it left finds no call (481).
        registry.remove(this, List.copyOf(joinedLegs));
        joinedLegs.forEach(services.stack()::leaveExecutor);
    }

    /** The call's CDR facts as they stand, ending (or last known up) at {@code endedAt}. */
    private CallRecord cdrRecord(Disposition disposition, String cause, Instant endedAt) {
        boolean answered = disposition == Disposition.ANSWERED;
        String calleeAddress = Optional.ofNullable(winner)
                .or(() -> Optional.ofNullable(firstRing).flatMap(forks -> forks.legs().stream().findFirst()))
                .map(leg -> hostPort(leg.remote())).orElse(null);
        return new CallRecord(id(), caller, callee, startedAt, answered ? answeredAt : null, endedAt,
                disposition, cause, media == null || !answered ? null : media.codec().orElse(null),
                hostPort(callerAddress), calleeAddress, login.authUser());
    }

    // ---- transfer (pbx.call.transfer) ---------------------------------------------------------

    private BlindTransfer transfer() {
        if (transfer == null) {
            transfer = new BlindTransfer(services.stack(), router, services.settings().noAnswerTimeout(), services.settings().domain(), this,
                    new AttendedTransfer(services.stack(), this, callId -> registry.find(callId).filter(CallLegs.class::isInstance).map(CallLegs.class::cast)));
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
        joinedLegs.add(callId);
        return callId;
    }

    @Override
    public Originate originate(Originate.Progress progress) {
        return new Originate(services.stack(), services.farewells(), services.scheduler(), this, progress);
    }

    @Override
    public void replace(Leg leg, String party, OutboundLeg answered) {
        timers.stop(leg); // the new phone's INVITE agreed no timer
        if (leg == Leg.A) {
            // The call keeps its id and CDR; only the caller's dialog, Call-ID and flow change.
            callerDialog = answered.dialog();
            callerHop = answered.hop();
            callerCallId = answered.callId();
            callerParty = party;
        } else {
            winner.state(OutboundLeg.State.ENDED);
            winner = answered;
            calleeParty = party;
        }
        inDialog.connect(callerDialog, callerHop(), winner.dialog(), winner.hop(), media);
    }

    @Override
    public boolean handToApplication(Leg transferee, Route.ToApplication destination) {
        Optional<String> g711 = media.codec().filter(c -> c.equalsIgnoreCase("PCMU") || c.equalsIgnoreCase("PCMA"));
        if (transferee != Leg.A || !callerCallId.equals(id()) || g711.isEmpty() || invite == null) {
            return false; // a PBX endpoint speaks G.711 and answers as the PBX side of the caller's INVITE dialog
        }
        log.info("caller handed to an application call_id={} kind={} target={}", id(), destination.kind(), destination.target());
        phase = Phase.ENDED;
        timers.stop(Leg.A);
        timers.stop(Leg.B);
        media.stopHoldMusic();
        stopRecording(); // the relay goes on with the application: the recording of this call ends here
        resumedAs = answering.resume(this, new ResumedCaller(invite, login, startedAt, answeredAt, callerDialog,
                media.session(), offer, mediaIndex, g711.get(), media.sdes(Leg.A), party(transferee.other())), destination);
        registry.remove(this, List.copyOf(joinedLegs)); // the caller's Call-ID is the application's call's now
        joinedLegs.forEach(services.stack()::leaveExecutor);
        return true;
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
        timers.stop(leg); // the moved leg's session timer stayed with its old call
        // The old call points the registry here once it hears back (endHandedOver): until then the
        // leg's requests, on either executor, find the old call, which answers them 491.
        services.stack().joinExecutor(handed.callId(), id());
        joinedLegs.add(handed.callId());
        if (leg == Leg.A) {
            callerDialog = handed.dialog();
            callerHop = handed.hop();
            callerCallId = handed.callId();
            callerParty = handed.party();
        } else {
            winner.state(OutboundLeg.State.ENDED);
            winner = OutboundLeg.adopted(handed.hop(), handed.dialog());
            calleeParty = handed.party();
        }
        inDialog.connect(callerDialog, callerHop(), winner.dialog(), winner.hop(), media);
    }

    @Override
    public void endHandedOver(Leg handedOver, String newCallId, String cause) {
        String legCallId = handedOver == Leg.A ? callerCallId : winner.callId();
        registry.call(newCallId).ifPresent(newCall -> registry.add(legCallId, newCall));
        // The moved leg stays joined to the other call's executor: this call's end must not release it.
        joinedLegs.remove(legCallId);
        end(Disposition.ANSWERED, cause);
    }

    @Override
    public byte[] relayMedia(Leg from, SessionDescription sdp) {
        media.followOffer(from, sdp);
        return media.relay(from, sdp);
    }

    // ---- what the API sees ------------------------------------------------------------------

    /** A snapshot of the call; its media counters come from the relay's loop. */
    @Override
    public CompletableFuture<CallSnapshot> snapshot() {
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), caller, callee, state(), startedAt,
                Optional.ofNullable(answeredAt), media == null ? Optional.empty() : media.codec());
        parts.addLeg(true, callerCallId, callerParty, hostPort(callerHop().address()), media == null ? 0 : media.localRtpPort(Leg.A),
                media == null ? Optional.empty() : media.signalledRtp(Leg.A));
        List<OutboundLeg> callees = new ArrayList<>(ringing == null ? List.of() : ringing.pending());
        if (winner != null) {
            callees.add(winner);
        }
        for (OutboundLeg leg : callees) {
            parts.addLeg(false, leg.callId(), party(Leg.B), hostPort(leg.remote()),
                    media == null ? 0 : media.localRtpPort(Leg.B),
                    media == null ? Optional.empty() : media.signalledRtp(Leg.B));
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
