package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.switchboard.pbx.registrar.SipLogin;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * A call the PBX answers itself for an application (docs/call-engine.md, "Legs the PBX answers"):
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
 * <p>Owned by the call's executor (the caller's Call-ID's): every method and every endpoint event runs there.
 */
final class PbxAnsweredCall implements CallSession, PbxLeg {
    private static final Logger log = LoggerFactory.getLogger(PbxAnsweredCall.class);

    /**
     * TRANSFERRED: a {@link Call} bridging the caller to an extension owns the caller's leg, id and
     * registry entry now; this object only passes it the relay session's media timeouts.
     */
    private enum Phase { OPENING, ANSWERED, TRANSFERRED, ENDED }

    private final PbxAnswering answering;
    private final CallServices services;
    private final ServerTransaction invite;
    private final SessionDescription offer; // the caller's; null for a delayed offer (INVITE without SDP)
    private SessionDescription pbxOffer; // ours in the 200 when the caller's INVITE had none
    private SessionDescription callerSdp; // the caller's session once agreed: its offer, or its ACK's answer
    private AnswerResult.Answered agreed;
    private final SipLogin login;
    private final String dialled;
    private PbxLegListener listener;
    private final Instant startedAt;
    private final boolean announced; // the call rang an extension first: CallStarted is out already
    private final String localTag;
    private final LocalContact contact;
    private Phase phase = Phase.OPENING;
    private RelaySession session;
    private MediaEndpoint endpoint;
    private byte[] answerSdp;
    private String codec;
    private Dialog dialog;
    private Instant answeredAt;
    private DigitCollector collecting;
    private PbxLegTransfer transfer; // the caller's extension ringing for it
    private Call bridged; // once TRANSFERRED: the call the relay session's media timeouts go to
    private Mixer mixer; // the conference the caller sits in, if any
    private long ringbackId = -1; // the last ringback playback, whose end the application does not hear

    PbxAnsweredCall(PbxAnswering answering, InviteAwaitingApplication incoming, PbxLegListener listener) {
        this(answering, incoming.invite(), incoming.offer().orElse(null), incoming.login(), incoming.rangSince().isPresent(),
                incoming.rangSince().orElseGet(answering.services().clock()::instant), incoming.localTag(), listener);
    }

    private PbxAnsweredCall(PbxAnswering answering, ServerTransaction invite, SessionDescription offer, SipLogin login,
            boolean announced, Instant startedAt, String localTag, PbxLegListener listener) {
        this.answering = answering;
        this.services = answering.services();
        this.invite = invite;
        this.offer = offer;
        this.login = login;
        this.dialled = InviteAwaitingApplication.dialledIn(invite);
        this.listener = listener;
        this.announced = announced;
        this.startedAt = startedAt;
        this.localTag = localTag;
        this.contact = new LocalContact(services.stack(), services.settings().sipHost());
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
        PbxAnsweredCall call = new PbxAnsweredCall(answering, caller.invite(), caller.sdp(), caller.login(), true,
                caller.startedAt(), "", untilTaken);
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
        endpoint = attached;
        // What the endpoint answers the caller's session limited to the codec in use: the codec, payload types and
        // the SDP a re-INVITE gets back.
        List<RtpMap> inUse = caller.sdp().media().get(caller.mediaIndex()).rtpMaps().stream()
                .filter(map -> map.codec().isTelephoneEvent() || map.encodingName().equalsIgnoreCase(caller.codec())).toList();
        String address = services.settings().mediaAddress();
        switch (EndpointSdp.answer(PbxLegTransfer.limitedTo(caller.sdp(), caller.mediaIndex(), inUse),
                new LegOrigin(address).next(), new org.switchboard.media.sdp.MediaEndpoint(address, session.ports(Leg.A).rtpPort()))) {
            case AnswerResult.NotAcceptable refused -> hangUp(Disposition.ANSWERED, "488 " + refused.reason());
            case AnswerResult.Answered answered -> {
                answerSdp = answered.answer().toSdp().getBytes(StandardCharsets.UTF_8);
                connect(caller.sdp(), answered);
                ready.accept(this);
            }
        }
    }

    /** Opens the relay session and attaches the endpoint to its caller leg; the answer follows once both are ready. */
    void start() {
        if (!announced) {
            services.events().publish(new PbxEvent.CallStarted(startedAt, id(), login.extension(), dialled));
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
        endpoint = attached;
        String address = services.settings().mediaAddress();
        Origin origin = new LegOrigin(address).next();
        org.switchboard.media.sdp.MediaEndpoint local = new org.switchboard.media.sdp.MediaEndpoint(address,
                session.ports(Leg.A).rtpPort());
        if (offer == null) {
            // RFC 3261 §13.2.1, RFC 3264 §5: no offer from the caller, so ours goes in the 200 and its answer comes in the ACK.
            pbxOffer = EndpointSdp.offer(origin, local);
            sendOk(pbxOffer);
            return;
        }
        switch (EndpointSdp.answer(offer, origin, local)) {
            case AnswerResult.NotAcceptable refused ->
                    refuse(488, "Not Acceptable Here", Disposition.FAILED, "488 " + refused.reason());
            case AnswerResult.Answered answered -> {
                sendOk(answered.answer());
                connect(offer, answered);
            }
        }
    }

    /** Answers the INVITE with {@code sdp}: the dialog starts and the call counts as answered. */
    private void sendOk(SessionDescription sdp) {
        answerSdp = sdp.toSdp().getBytes(StandardCharsets.UTF_8);
        SipResponse ok = invite.request().createResponse(200).withToTag(localTag)
                .withHeader(HeaderName.CONTACT, contact.on(invite.flow().transport()).toString())
                .withBody(CallMedia.SDP, answerSdp);
        invite.respond(ok);
        dialog = Dialog.asUas(invite.request(), ok);
        phase = Phase.ANSWERED;
        answeredAt = services.clock().instant();
        services.recordAnswer(cdrRecord(Disposition.ANSWERED, CdrRecorder.IN_PROGRESS, answeredAt));
    }

    /** The call's CDR facts as they stand, ending (or last known up) at {@code endedAt}. */
    private CallRecord cdrRecord(Disposition disposition, String cause, Instant endedAt) {
        boolean answered = disposition == Disposition.ANSWERED;
        return new CallRecord(id(), login.extension(), dialled, startedAt, answered ? answeredAt : null, endedAt,
                disposition, cause, answered ? codec : null, Call.hostPort(invite.flow().remote()), null, login.authUser());
    }

    /**
     * The SDP exchange is complete: the relay sends to where {@code remote} (the caller's offer or
     * answer) listens, the endpoint in the first codec agreed, and the application starts.
     */
    private void connect(SessionDescription remote, AnswerResult.Answered agreement) {
        RemoteMedia media = EndpointSdp.remoteMedia(remote, agreement);
        // The attached endpoint sends through leg A's socket, so the relay must know where the caller listens.
        media.rtp().ifPresent(rtp -> session.signalPeer(Leg.A, rtp, new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1)));
        endpoint.setRemote(media);
        callerSdp = remote;
        agreed = agreement;
        codec = media.codec().encodingName();
        log.info("call answered by the pbx call_id={} caller={} dialled={} codec={}", id(), login.extension(), dialled, codec);
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
                end(Disposition.ANSWERED, "BYE from caller");
            }
            case "INVITE" -> tx.respond(request.createResponse(200)
                    .withHeader(HeaderName.CONTACT, contact.on(tx.flow().transport()).toString())
                    .withBody(CallMedia.SDP, answerSdp));
            case "INFO" -> {
                tx.respond(request.createResponse(200));
                DtmfInfoParser.parse(request.headers().first(HeaderName.CONTENT_TYPE).orElse(""), request.bodyAsString())
                        .ifPresent(info -> onDigit(info.digit()));
            }
            case "UPDATE" -> tx.respond(request.createResponse(200));
            default -> tx.respond(request.createResponse(403, "Not Transferable"));
        }
    }

    @Override
    public void onAck(SipRequest ack) {
        if (phase != Phase.ANSWERED || agreed != null || pbxOffer == null
                || ack.cseq().number() != invite.request().cseq().number()) {
            return; // the ACK of a 200 that answered an offer, or of a re-INVITE: nothing to take from it
        }
        Optional<SessionDescription> answer = CallMedia.sdpOf(ack);
        if (answer.isEmpty()) {
            hangUp(Disposition.FAILED, "no SDP answer in the caller's ACK");
            return;
        }
        switch (SdpOfferer.check(pbxOffer, answer.get(), 0)) {
            case AnswerResult.NotAcceptable refused ->
                    hangUp(Disposition.FAILED, "caller's ACK answer not acceptable: " + refused.reason());
            case AnswerResult.Answered answered -> connect(answer.get(), answered);
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
        if (collecting != null && !collecting.isOver()) {
            collecting.onDigit(digit);
        }
        if (phase == Phase.ANSWERED) {
            listener.dtmf(this, digit);
        }
    }

    // ---- what the application does ---------------------------------------------------------------

    @Override
    public String caller() {
        return login.extension();
    }

    @Override
    public String dialled() {
        return dialled;
    }

    @Override
    public String callerName() {
        return invite.request().from().displayName().orElse("");
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
        stopPlayback();
        stopRecording();
        leaveMixer();
        if (collecting != null) {
            collecting.cancel();
        }
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
        if (collecting != null) {
            collecting.cancel();
        }
        collecting = new DigitCollector(request, services.scheduler(), executor(),
                result -> listener.digitsCollected(this, result));
    }

    @Override
    public void joinMixer(Mixer joined) {
        mixer = joined;
        joined.join(endpoint);
    }

    @Override
    public void leaveMixer() {
        if (mixer != null) {
            mixer.leave(endpoint);
            mixer = null;
        }
    }

    @Override
    public void muteInMixer(boolean muted) {
        if (mixer != null) {
            mixer.mute(endpoint, muted);
        }
    }

    @Override
    public void hangUp(String cause) {
        endCall(cause);
    }

    // ---- what a transfer does to the leg (PbxLegTransfer, AnsweredLegHandoff) ------------------------------

    /** The invite, login, dialled number and start of the call, as the call bridging it to an extension keeps them. */
    ServerTransaction invite() {
        return invite;
    }

    SipLogin login() {
        return login;
    }

    Instant startedAt() {
        return startedAt;
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
        if (on) {
            ringbackId = endpoint.play(new Ringback());
        } else {
            endpoint.stopPlayback();
        }
    }

    /** The listener's part is over: {@code call} bridges the caller to the extension that answered. */
    void bridgedTo(Call call, Destination destination) {
        phase = Phase.TRANSFERRED;
        transfer = null;
        bridged = call;
        endpoint.close(); // detached: the relay carries the caller's audio to the extension now
        answering.registry().replaceCall(this, call);
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
        answering.start(new AnsweredLegHandoff(this, requested, destination.dialled()), destination);
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
        services.bye(dialog, new NextHop(invite.flow().transport(), invite.flow().remote()));
        end(disposition, cause);
    }

    private void refuse(int status, String reason, Disposition disposition, String cause) {
        invite.respond(invite.request().createResponse(status, reason).withToTag(localTag));
        end(disposition, cause);
    }

    private void end(Disposition disposition, String cause) {
        if (phase == Phase.ENDED || phase == Phase.TRANSFERRED) {
            return;
        }
        phase = Phase.ENDED;
        if (transfer != null) {
            transfer.cancel();
        }
        if (collecting != null) {
            collecting.cancel();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        if (session != null) {
            session.close();
        }
        answering.registry().remove(this, List.of());
        services.recordEnd(cdrRecord(disposition, cause, services.clock().instant()));
        listener.ended(cause);
    }

    // ---- what the API sees ------------------------------------------------------------------------

    @Override
    public String id() {
        return invite.request().callId();
    }

    @Override
    public Executor executor() {
        return invite.executor();
    }

    @Override
    public CompletableFuture<CallSnapshot> snapshot() {
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), login.extension(), dialled,
                switch (phase) {
                    case OPENING -> CallState.SETTING_UP;
                    case ANSWERED -> CallState.ANSWERED;
                    case TRANSFERRED, ENDED -> CallState.ENDING;
                }, startedAt, Optional.ofNullable(answeredAt), Optional.ofNullable(codec));
        parts.addLeg(true, id(), login.extension(), Call.hostPort(invite.flow().remote()),
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
            if (phase == Phase.ANSWERED && playbackId != ringbackId) {
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
