package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dtmf.DtmfInfoParser;
import org.switchboard.media.dtmf.DtmfMethod;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.MediaEndpoint;
import org.switchboard.media.endpoint.MediaEventListener;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.Origin;
import org.switchboard.media.sdp.RtpMap;
import org.switchboard.media.sdp.SdpOfferer;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.Transport;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * A leg the PBX holds itself for an application: a call it answers (docs/call-engine.md, "Legs the PBX answers"):
 * the caller's offer is answered (G.711, RFC 4733 telephone-event when offered) on leg A of a relay
 * session, whose port a PBX media endpoint is attached to, in a 200 OK (an INVITE without SDP gets
 * the PBX's own offer in the 200 and answers in its ACK), and from then on the application drives the
 * leg ({@link PbxLeg}) and hears its events ({@link PbxLegListener}): DTMF (RFC 4733, SIP INFO,
 * inband), collected digits, playback and recording ends, transfers, the end of the call. The
 * caller's BYE, a media timeout, an ACK that never comes or the application's hang-up end it, with a
 * CDR and the call events like any call. In-dialog re-INVITEs get the same answer again (the
 * session is unchanged, RFC 3264 §8), UPDATE and INFO a 200; a REFER is refused.
 *
 * <p>{@link #transfer} sends the caller on: to an extension ({@link PbxLegTransfer}, whose phones
 * are offered the relay's leg B; when one answers the endpoint detaches, the relay bridges the two
 * legs and a {@link Call} takes over this one's id, dialog and CDR), or to another application on
 * this same answered leg ({@link AnsweredLegHandoff}).
 *
 * <p>The same leg can also be one the PBX rings itself ({@link #originated}, docs/call-engine.md, "Legs the PBX
 * originates"): the PBX endpoint's offer goes in the INVITE, the answer comes in the 200, and from then on it is
 * the same leg. {@link LegSide} holds what differs: the caller's INVITE ({@link AnsweredInvite}) or the party rung
 * ({@link RungParty}).
 *
 * <p>Owned by the call's executor (the caller's Call-ID's, or the originated call's own): every method and every
 * endpoint event runs there.
 */
final class PbxAnsweredCall implements CallSession, PbxLeg, LegHost {
    private static final Logger log = LoggerFactory.getLogger(PbxAnsweredCall.class);

    /**
     * TRANSFERRED: a {@link Call} bridging the caller to an extension owns the caller's leg, id and
     * registry entry now; this object only passes it the relay session's media timeouts.
     */
    private enum Phase { OPENING, ANSWERED, TRANSFERRED, ENDED }

    private final PbxAnswering answering;
    private final CallServices services;
    private final LegSide side;
    private final SessionDescription offer; // the caller's; null for a delayed offer (INVITE without SDP) and when we ring
    private SessionDescription pbxOffer; // ours in the 200 when the caller's INVITE had none, or in our INVITE
    private SessionDescription callerSdp; // the caller's session once agreed: its offer, or its ACK's answer
    private AnswerResult.Answered agreed;
    private SdesLeg sdes; // the party's SRTP: the PBX terminates it on leg A of the relay session
    private PbxLegListener listener;
    private final Instant startedAt;
    private final boolean announced; // the call rang an extension first: CallStarted is out already
    private final LocalContact contact;
    private final List<String> joinedLegs = new ArrayList<>(); // our INVITEs' Call-IDs when we ring the party
    private PartyRing ring; // the party's phones when we ring them, until one answers
    private boolean partyRinging; // a phone we ring sent a provisional response
    private Phase phase = Phase.OPENING;
    private RelaySession session;
    private LegEndpoint endpoint;
    private byte[] answerSdp;
    private String codec;
    private Dialog dialog;
    private Instant answeredAt;
    private PbxLegTransfer transfer; // the caller's extension ringing for it
    private Call bridged; // once TRANSFERRED: the call the relay session's media timeouts go to

    PbxAnsweredCall(PbxAnswering answering, InviteAwaitingApplication incoming, PbxLegListener listener) {
        this(answering, new AnsweredInvite(incoming.invite(), incoming.login(), incoming.localTag()),
                incoming.offer().orElse(null), incoming.rangSince().isPresent(),
                incoming.rangSince().orElseGet(answering.services().clock()::instant), listener);
    }

    private PbxAnsweredCall(PbxAnswering answering, LegSide side, SessionDescription offer, boolean announced,
            Instant startedAt, PbxLegListener listener) {
        this.answering = answering;
        this.services = answering.services();
        this.side = side;
        this.offer = offer;
        this.listener = listener;
        this.announced = announced;
        this.startedAt = startedAt;
        this.contact = new LocalContact(services.stack(), services.settings().sipHost());
        this.sdes = new SdesLeg(answering.router().mediaEncryption(side.party().extension()),
                offer == null ? 0 : CallMedia.audioIndex(offer).orElse(0));
    }

    /**
     * A leg the PBX rings itself: {@code party}'s phones are offered a PBX endpoint as its request
     * asks; {@link #start} rings them. The listener hears the ring's progress, then the answered leg's
     * events as for a caller the PBX answered.
     */
    static PbxAnsweredCall originated(PbxAnswering answering, RungParty party, OriginatedLegListener listener) {
        return new PbxAnsweredCall(answering, party, null, false, answering.services().clock().instant(), listener);
    }

    /**
     * A bridged call's caller whose other party transferred it to an application (REFER): nothing is
     * answered again; an endpoint attaches to leg A of the call's relay session and speaks the codec
     * in use, the call goes on with the same id, dialog, times and CDR, and once the endpoint is ready
     * {@code ready} gets the leg (to start the application on it). Until an application takes it, a
     * failed hand-over hangs the caller up.
     */
    static PbxAnsweredCall resumed(PbxAnswering answering, ResumedCaller caller, Consumer<PbxAnsweredCall> ready) {
        PbxLegListener untilTaken = new PbxLegListener() {
            @Override
            public void answered(PbxLeg leg) {}

            @Override
            public void transferFailed(PbxLeg leg, Destination to, int status, String reason) {
                leg.hangUp(status + " " + reason);
            }
        };
        PbxAnsweredCall call = new PbxAnsweredCall(answering, new AnsweredInvite(caller.invite(), caller.login(), ""),
                caller.sdp(), true, caller.startedAt(), untilTaken);
        call.sdes = caller.sdes();
        call.dialog = caller.dialog();
        call.answeredAt = caller.answeredAt();
        call.session = caller.session();
        call.phase = Phase.ANSWERED;
        call.session.expectMedia(Leg.B, false); // the other party is gone
        call.services.endpoints().attach(call.session, Leg.A, call.new EndpointEvents(), call.executor())
                .whenComplete((attached, failure) -> call.executor().execute(() -> call.onResumed(attached, failure, caller, ready)));
        return call;
    }

    private void onResumed(MediaEndpoint attached, Throwable failure, ResumedCaller caller, Consumer<PbxAnsweredCall> ready) {
        if (phase != Phase.ANSWERED) {
            if (attached != null) {
                attached.close();
            }
            return;
        }
        if (failure != null) {
            log.warn("media endpoint unavailable call_id={} reason={}", id(), failure.toString());
            hangUp(Disposition.ANSWERED, "no media endpoint");
            return;
        }
        endpoint = new LegEndpoint(attached);
        // What the endpoint answers the caller's session limited to the codec in use: the codec, payload types and
        // the SDP a re-INVITE gets back.
        List<RtpMap> inUse = caller.sdp().media().get(caller.mediaIndex()).rtpMaps().stream()
                .filter(map -> map.codec().isTelephoneEvent() || map.encodingName().equalsIgnoreCase(caller.codec())).toList();
        String address = services.settings().mediaAddress();
        switch (EndpointSdp.answer(sdes.plain(PbxLegTransfer.limitedTo(caller.sdp(), caller.mediaIndex(), inUse)),
                new LegOrigin(address).next(), new org.switchboard.media.sdp.MediaEndpoint(address, session.ports(Leg.A).rtpPort()))) {
            case AnswerResult.NotAcceptable refused -> hangUp(Disposition.ANSWERED, "488 " + refused.reason());
            case AnswerResult.Answered answered -> {
                answerSdp = sdes.toPhone(answered.answer()).toSdp().getBytes(StandardCharsets.UTF_8);
                connect(caller.sdp(), answered);
                ready.accept(this);
            }
        }
    }

    /** Opens the relay session and attaches the endpoint to its caller leg; the answer follows once both are ready. */
    void start() {
        if (!announced) {
            services.events().publish(new PbxEvent.CallStarted(startedAt, id(), caller(), dialled()));
        }
        services.relay().open(id(), (s, leg) -> executor().execute(() -> onMediaTimeout(leg)))
                .whenComplete((opened, failure) -> executor().execute(() -> onRelayOpened(opened, failure)));
    }

    private void onRelayOpened(RelaySession opened, Throwable failure) {
        if (phase == Phase.ENDED) {
            if (opened != null) {
                opened.close(); // the caller hung up while the ports were being bound
            }
            return;
        }
        if (failure != null) {
            log.warn("media relay unavailable call_id={} reason={}", id(), failure.toString());
            refuse(503, "Media Unavailable", Disposition.FAILED, "no media ports");
            return;
        }
        session = opened;
        session.expectMedia(Leg.B, false); // nobody on leg B until a transfer rings an extension
        if (side instanceof RungParty) {
            session.expectMedia(Leg.A, false); // silent while the party's phones ring
        }
        services.endpoints().attach(session, Leg.A, new EndpointEvents(), executor())
                .whenComplete((attached, attachFailure) -> executor().execute(() -> onEndpoint(attached, attachFailure)));
    }

    private void onEndpoint(MediaEndpoint attached, Throwable failure) {
        if (phase == Phase.ENDED) {
            if (attached != null) {
                attached.close();
            }
            return;
        }
        if (failure != null) {
            log.warn("media endpoint unavailable call_id={} reason={}", id(), failure.toString());
            refuse(503, "Media Unavailable", Disposition.FAILED, "no media endpoint");
            return;
        }
        endpoint = new LegEndpoint(attached);
        String address = services.settings().mediaAddress();
        Origin origin = new LegOrigin(address).next();
        org.switchboard.media.sdp.MediaEndpoint local = new org.switchboard.media.sdp.MediaEndpoint(address,
                session.ports(Leg.A).rtpPort());
        if (side instanceof RungParty party) {
            pbxOffer = sdes.toPhone(EndpointSdp.offer(origin, local));
            ringParty(party);
            return;
        }
        if (offer == null) {
            // RFC 3261 §13.2.1, RFC 3264 §5: no offer from the caller, so ours goes in the 200 and its answer comes in the ACK.
            pbxOffer = sdes.toPhone(EndpointSdp.offer(origin, local));
            sendOk(pbxOffer);
            return;
        }
        SessionDescription plainOffer = sdes.fromPhone(offer);
        if (sdes.unmet().isPresent()) {
            refuse(488, "Not Acceptable Here", Disposition.FAILED, "488 " + sdes.unmet().get());
            return;
        }
        switch (EndpointSdp.answer(plainOffer, origin, local)) {
            case AnswerResult.NotAcceptable refused ->
                    refuse(488, "Not Acceptable Here", Disposition.FAILED, "488 " + refused.reason());
            case AnswerResult.Answered answered -> {
                session.secure(Leg.A, sdes.keys());
                sendOk(sdes.toPhone(answered.answer()));
                connect(offer, answered);
            }
        }
    }

    /** Answers the INVITE with {@code sdp}: the dialog starts and the call counts as answered. */
    private void sendOk(SessionDescription sdp) {
        AnsweredInvite uas = (AnsweredInvite) side; // only a caller's INVITE is answered with a 200 of ours
        ServerTransaction invite = uas.invite();
        SipResponse ok = invite.request().createResponse(200).withToTag(uas.localTag())
                .withHeader(HeaderName.CONTACT, contact.on(invite.flow().transport()).toString())
                .withBody(CallMedia.SDP, sdp.toSdp().getBytes(StandardCharsets.UTF_8));
        invite.respond(ok);
        dialogUp(Dialog.asUas(invite.request(), ok), sdp);
    }

    /** The dialog with the party is up with {@code sdp} as the PBX's session: the call counts as answered. */
    private void dialogUp(Dialog up, SessionDescription sdp) {
        answerSdp = sdp.toSdp().getBytes(StandardCharsets.UTF_8);
        dialog = up;
        phase = Phase.ANSWERED;
        answeredAt = services.clock().instant();
        services.recordAnswer(cdrRecord(Disposition.ANSWERED, CdrRecorder.IN_PROGRESS, answeredAt));
    }

    /** Rings the party's phones with the PBX endpoint's offer; the answer comes in the 200 ({@link RingOutcome}). */
    private void ringParty(RungParty party) {
        if (party.targets().isEmpty()) {
            refuse(480, "Temporarily Unavailable", Disposition.FAILED, "no registered phone");
            return;
        }
        ring = new PartyRing(services, this, new RingOutcome(party));
        ring.ring(party, services.settings().domain(), pbxOffer.toSdp().getBytes(StandardCharsets.UTF_8));
    }

    /** How the party's ring ends for this leg. */
    private final class RingOutcome implements PartyRing.Outcome {
        private final RungParty party;

        RingOutcome(RungParty party) {
            this.party = party;
        }

        @Override
        public void rang() {
            partyRinging = true;
            if (phase == Phase.OPENING && listener instanceof OriginatedLegListener originator) {
                originator.ringing(PbxAnsweredCall.this);
            }
        }

        @Override
        public void answered(OutboundLeg fork, SipResponse ok) {
            if (phase != Phase.OPENING) {
                fork.state(OutboundLeg.State.ENDED);
                services.bye(fork.dialog(), fork.hop());
                return;
            }
            ring = null;
            party.answeredBy(fork);
            dialogUp(fork.dialog(), pbxOffer);
            session.expectMedia(Leg.A, true);
            takeAnswer(CallMedia.sdpOf(ok), "200");
        }

        @Override
        public void failed(int status, String reason, boolean noAnswer) {
            ring = null;
            refuse(status, reason, noAnswer ? Disposition.NO_ANSWER : Outcomes.of(status), status + " " + reason);
        }
    }

    /** The call's CDR facts as they stand, ending (or last known up) at {@code endedAt}. */
    private CallRecord cdrRecord(Disposition disposition, String cause, Instant endedAt) {
        boolean answered = disposition == Disposition.ANSWERED;
        return new CallRecord(id(), caller(), dialled(), startedAt, answered ? answeredAt : null, endedAt,
                disposition, cause, answered ? codec : null, Call.hostPort(side.remote()), null, side.party().authUser());
    }

    /**
     * The SDP exchange is complete: the relay sends to where {@code remote} (the caller's offer or
     * answer) listens, the endpoint in the first codec agreed, and the application starts.
     */
    private void connect(SessionDescription remote, AnswerResult.Answered agreement) {
        RemoteMedia media = EndpointSdp.remoteMedia(remote, agreement);
        // The attached endpoint sends through leg A's socket, so the relay must know where the caller listens.
        media.rtp().ifPresent(rtp -> session.signalPeer(Leg.A, rtp, new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1)));
        endpoint.connect(media);
        callerSdp = remote;
        agreed = agreement;
        codec = media.codec().encodingName();
        log.info("pbx leg answered call_id={} party={} dialled={} codec={}", id(), caller(), dialled(), codec);
        listener.answered(this);
    }

    // ---- the caller's requests ----------------------------------------------------------------

    @Override
    public void onInDialogRequest(ServerTransaction tx) {
        SipRequest request = tx.request();
        if (phase != Phase.ANSWERED) {
            tx.respond(request.createResponse(481).withToTag(RandomTokens.tag()));
            return;
        }
        OptionalInt outOfOrder = dialog.receive(request);
        if (outOfOrder.isPresent()) {
            tx.respond(request.createResponse(outOfOrder.getAsInt()));
            return;
        }
        String method = request.method().name();
        switch (method) {
            case "BYE" -> {
                tx.respond(request.createResponse(200));
                end(Disposition.ANSWERED, side.byeCause());
            }
            case "INVITE" -> answerReInvite(tx);
            case "INFO" -> {
                tx.respond(request.createResponse(200));
                DtmfInfoParser.parse(request.headers().first(HeaderName.CONTENT_TYPE).orElse(""), request.bodyAsString())
                        .ifPresent(info -> onDigit(info.digit()));
            }
            case "UPDATE" -> tx.respond(request.createResponse(200));
            default -> tx.respond(request.createResponse(403, "Not Transferable"));
        }
    }

    /**
     * A re-INVITE (session refresh, hold, a phone's new SRTP key): the PBX's media does not change, so
     * the answer is the first one again, with the caller's new key learnt and its crypto tag echoed.
     */
    private void answerReInvite(ServerTransaction tx) {
        Optional<SessionDescription> reOffer = CallMedia.sdpOf(tx.request());
        byte[] answer = answerSdp;
        if (reOffer.isPresent()) {
            sdes.fromPhone(reOffer.get());
            if (sdes.unmet().isPresent()) {
                tx.respond(tx.request().createResponse(488).withHeader("Warning",
                        "399 switchboard \"" + sdes.unmet().get() + "\""));
                return;
            }
            session.secure(Leg.A, sdes.keys());
            answer = CallMedia.parse(answerSdp).map(sdes::plain).map(sdes::toPhone)
                    .map(d -> d.toSdp().getBytes(StandardCharsets.UTF_8)).orElse(answerSdp);
        }
        tx.respond(tx.request().createResponse(200)
                .withHeader(HeaderName.CONTACT, contact.on(tx.flow().transport()).toString())
                .withBody(CallMedia.SDP, answer));
    }

    /** The leg's SRTP, which a transfer's call carries on. */
    SdesLeg sdes() {
        return sdes;
    }

    @Override
    public void onAck(SipRequest ack) {
        if (phase != Phase.ANSWERED || agreed != null || pbxOffer == null || !(side instanceof AnsweredInvite uas)
                || ack.cseq().number() != uas.invite().request().cseq().number()) {
            return; // the ACK of a 200 that answered an offer, or of a re-INVITE: nothing to take from it
        }
        takeAnswer(CallMedia.sdpOf(ack), "caller's ACK");
    }

    /**
     * The answer to the PBX's offer came in the {@code message} (the caller's ACK, or the party's 200): the media
     * connects, or the call ends with BYE, disposition {@code FAILED}, when there is none or it is not acceptable.
     */
    private void takeAnswer(Optional<SessionDescription> answer, String message) {
        if (answer.isEmpty()) {
            hangUp(Disposition.FAILED, "no SDP answer in the " + message);
            return;
        }
        SessionDescription plainAnswer = sdes.fromPhone(answer.get());
        if (sdes.unmet().isPresent()) {
            hangUp(Disposition.FAILED, message + " answer not acceptable: " + sdes.unmet().get());
            return;
        }
        switch (SdpOfferer.check(sdes.plain(pbxOffer), plainAnswer, 0)) {
            case AnswerResult.NotAcceptable refused ->
                    hangUp(Disposition.FAILED, message + " answer not acceptable: " + refused.reason());
            case AnswerResult.Answered answered -> {
                session.secure(Leg.A, sdes.keys());
                connect(answer.get(), answered);
            }
        }
    }

    @Override
    public void onCancelled() {
        if (phase == Phase.OPENING) {
            end(Disposition.CANCELLED, "CANCEL from caller");
        }
    }

    @Override
    public void onAckTimeout() {
        if (phase == Phase.ANSWERED) {
            hangUp("no ACK from caller");
        }
    }

    void onMediaTimeout(Leg leg) {
        if (phase == Phase.TRANSFERRED) {
            bridged.onMediaTimeout(leg);
        } else if (phase == Phase.ANSWERED && leg == Leg.A) {
            log.info("media timeout call_id={} leg=pbx", id());
            endCall("media timeout");
        }
    }

    /** A key from the caller, by any method: to the collection under way, then to the application. */
    private void onDigit(char digit) {
        endpoint.onDigit(digit);
        if (phase == Phase.ANSWERED) {
            listener.dtmf(this, digit);
        }
    }

    // ---- what the application does ---------------------------------------------------------------

    @Override
    public String caller() {
        return side.party().extension();
    }

    @Override
    public String dialled() {
        return side.dialled();
    }

    @Override
    public String callerName() {
        return side.displayName();
    }

    @Override
    public void transfer(Destination destination, TransferOptions options) {
        if (phase != Phase.ANSWERED || agreed == null) {
            listener.transferFailed(this, destination, 481, "Call Not Answered");
            return;
        }
        if (transfer != null) {
            listener.transferFailed(this, destination, 491, "Transfer In Progress");
            return;
        }
        endpoint.stopAll();
        log.info("pbx leg transfer call_id={} kind={} target={}", id(), destination.kind(), destination.target());
        PbxLegTransfer.start(answering, this, destination, options);
    }

    @Override
    public long play(AudioSource source) {
        return endpoint.play(source);
    }

    @Override
    public void stopPlayback() {
        endpoint.stopPlayback();
    }

    @Override
    public void record(RecordingSink sink, RecordOptions options) {
        endpoint.record(sink, options);
    }

    @Override
    public void stopRecording() {
        endpoint.stopRecording();
    }

    @Override
    public void collectDigits(DigitCollection request) {
        endpoint.collectDigits(request, services.scheduler(), executor(), result -> listener.digitsCollected(this, result));
    }

    @Override
    public void joinMixer(Mixer joined) {
        endpoint.joinMixer(joined);
    }

    @Override
    public void leaveMixer() {
        endpoint.leaveMixer();
    }

    @Override
    public void muteInMixer(boolean muted) {
        endpoint.muteInMixer(muted);
    }

    @Override
    public void hangUp(String cause) {
        endCall(cause);
    }

    // ---- what a bridge does to the leg ({@link Bridge}) -------------------------------------------------

    /** A new mixer on the node's media endpoints, for a bridge of this leg with another. */
    Mixer newMixer(String label) {
        return services.endpoints().newMixer(label);
    }

    /** Seats the leg in a bridge's {@code bridge} mixer, when it is answered and still the application's. */
    void seatIn(Mixer bridge) {
        if (phase == Phase.ANSWERED && endpoint != null && transfer == null) {
            joinMixer(bridge);
        }
    }

    /** Unseats the leg from {@code bridge}, if it still sits there. */
    void unseatFrom(Mixer bridge) {
        if (endpoint != null) {
            endpoint.leaveMixer(bridge);
        }
    }

    // ---- what a transfer does to the leg (PbxLegTransfer, AnsweredLegHandoff) ------------------------------

    /**
     * The call that bridges this leg to an extension's phone once one answers ({@link PbxLegTransfer}): it keeps this
     * call's id, executor, dialog side, login and start, and the caller's session {@code callerSdp}.
     */
    Call bridgeCall(SessionDescription callerSdp, int mediaIndex, String extension) {
        return switch (side) {
            case AnsweredInvite invite -> new Call(answering, invite.invite(), callerSdp, mediaIndex, invite.party(), extension,
                    startedAt);
            case RungParty party -> new Call(answering, id(), executor(), party.answered().callId(), party.hop(), callerSdp,
                    mediaIndex, party.party(), extension, startedAt);
        };
    }

    Instant answeredAt() {
        return answeredAt;
    }

    Dialog dialog() {
        return dialog;
    }

    RelaySession session() {
        return session;
    }

    /** The caller's session and what was agreed with it: what the extension's phones are offered. */
    SessionDescription callerSdp() {
        return callerSdp;
    }

    AnswerResult.Answered agreed() {
        return agreed;
    }

    /** {@code ringing} rings an extension for the caller, who hears ringback once a phone rings. */
    void ringing(PbxLegTransfer ringing) {
        transfer = ringing;
    }

    /** Starts or stops the ringback tone the caller hears while the transfer's phones ring. */
    void ringback(boolean on) {
        endpoint.ringback(on);
    }

    /** The listener's part is over: {@code call} bridges the caller to the extension that answered. */
    void bridgedTo(Call call, Destination destination) {
        phase = Phase.TRANSFERRED;
        transfer = null;
        bridged = call;
        endpoint.close(); // detached: the relay carries the caller's audio to the extension now
        answering.registry().replaceCall(this, call);
        call.adoptJoined(joinedLegs); // the party's dialog, if we rang it, and our other INVITEs' Call-IDs
        listener.transferred(this, destination);
    }

    /** The transfer could not reach {@code destination}: the leg is the application's again. */
    void transferFailed(Destination destination, int status, String reason) {
        transfer = null;
        log.info("pbx leg transfer failed call_id={} kind={} target={} status={} reason={}", id(), destination.kind(),
                destination.target(), status, reason);
        listener.transferFailed(this, destination, status, reason);
    }

    /** {@code next}, another application, takes this answered leg: it is told {@code answered} at once. */
    void handTo(PbxLegListener next, Destination destination) {
        transfer = null;
        PbxLegListener previous = listener;
        listener = next;
        previous.transferred(this, destination);
        next.answered(this);
    }

    /** Starts {@code destination}'s application on this answered leg; a refusal is a failed transfer. */
    void toApplication(Destination requested, Route.ToApplication destination) {
        transfer = null;
        answering.start(new AnsweredLegHandoff(this, requested, destination.dialled(), Optional.empty()), destination);
    }

    // ---- ending ------------------------------------------------------------------------------------

    /** Ends the call from the PBX's side: BYE once answered, 487 before. */
    @Override
    public boolean endCall(String cause) {
        return switch (phase) {
            case ENDED, TRANSFERRED -> false; // a transferred leg is the bridged call's to end
            case ANSWERED -> {
                hangUp(Disposition.ANSWERED, cause);
                yield true;
            }
            case OPENING -> {
                refuse(487, "Request Terminated", Disposition.CANCELLED, cause);
                yield true;
            }
        };
    }

    private void hangUp(Disposition disposition, String cause) {
        services.bye(dialog, side.hop());
        end(disposition, cause);
    }

    /** The leg was not answered: the caller gets {@code status}, or the phones we ring are cancelled and the originator told. */
    private void refuse(int status, String reason, Disposition disposition, String cause) {
        switch (side) {
            case AnsweredInvite invite -> invite.invite().respond(
                    invite.invite().request().createResponse(status, reason).withToTag(invite.localTag()));
            case RungParty party -> {
                if (ring != null) {
                    ring.cancel();
                    ring = null;
                }
                if (listener instanceof OriginatedLegListener originator) {
                    originator.failed(this, status, reason);
                }
            }
        }
        end(disposition, cause);
    }

    private void end(Disposition disposition, String cause) {
        if (phase == Phase.ENDED || phase == Phase.TRANSFERRED) {
            return;
        }
        if (answeredAt != null && session != null) {
            services.recordQuality(snapshot()); // its relay counters are read before the relay closes below
        }
        phase = Phase.ENDED;
        if (transfer != null) {
            transfer.cancel();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (session != null) {
            session.close();
        }
        answering.registry().remove(this, joinedLegs);
        joinedLegs.forEach(services.stack()::leaveExecutor);
        services.recordEnd(cdrRecord(disposition, cause, services.clock().instant()));
        listener.ended(cause);
    }

    // ---- what the API sees ------------------------------------------------------------------------

    @Override
    public String id() {
        return side.callId();
    }

    @Override
    public Executor executor() {
        return side.executor();
    }

    @Override
    public String joinNewLeg() {
        String callId = RandomTokens.tag() + RandomTokens.tag() + "@" + services.settings().sipHost();
        services.stack().joinExecutor(callId, id());
        answering.registry().add(callId, this);
        joinedLegs.add(callId);
        return callId;
    }

    @Override
    public NameAddress contact(Transport transport) {
        return contact.on(transport);
    }

    @Override
    public CompletableFuture<CallSnapshot> snapshot() {
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), caller(), dialled(),
                switch (phase) {
                    case OPENING -> partyRinging ? CallState.RINGING : CallState.SETTING_UP;
                    case ANSWERED -> CallState.ANSWERED;
                    case TRANSFERRED, ENDED -> CallState.ENDING;
                }, startedAt, Optional.ofNullable(answeredAt), Optional.ofNullable(codec));
        parts.addLeg(true, id(), caller(), Call.hostPort(side.remote()),
                session == null ? 0 : session.ports(Leg.A).rtpPort(), Optional.empty());
        if (transfer != null) {
            transfer.addRinging(parts);
        }
        return session == null ? CompletableFuture.completedFuture(parts.build(null)) : session.stats().thenApply(parts::build);
    }

    /** The endpoint's events, on the call's executor; none reach the application once the caller moved on. */
    private final class EndpointEvents implements MediaEventListener {
        @Override
        public void onDtmf(char digit, DtmfMethod method) {
            if (phase == Phase.ANSWERED) {
                onDigit(digit);
            }
        }

        @Override
        public void onPlaybackFinished(long playbackId, PlaybackEnd reason) {
            if (phase == Phase.ANSWERED && !endpoint.isRingback(playbackId)) {
                listener.playbackFinished(PbxAnsweredCall.this, playbackId, reason);
            }
        }

        @Override
        public void onRecordingFinished(RecordingResult result) {
            listener.recordingFinished(PbxAnsweredCall.this, result);
        }

        @Override
        public void onMediaTimeout() {
            // attached to the relay's leg A: the relay session watches the caller's media (onMediaTimeout(Leg))
        }
    }
}
