package org.switchboard.pbx.call;

import org.switchboard.pbx.routing.Destination;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.dtmf.DtmfInfoParser;
import org.switchboard.media.dtmf.DtmfMethod;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.MediaEndpoint;
import org.switchboard.media.endpoint.MediaEventListener;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingResult;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.Origin;
import org.switchboard.media.sdp.SdpOfferer;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.cdr.CdrRecorder;
import org.switchboard.pbx.event.PbxEvent;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.store.cdr.CallRecord;
import org.switchboard.store.cdr.Disposition;

/**
 * A call the PBX answers itself for an application (docs/call-engine.md, "Legs the PBX answers"):
 * a media endpoint of its own is opened, the caller's offer is answered on it (G.711, RFC 4733
 * telephone-event when offered) in a 200 OK (an INVITE without SDP gets the PBX's own offer in the
 * 200 and answers in its ACK), and from then on the application drives the leg
 * ({@link PbxLeg}) and hears its events ({@link PbxLegListener}): DTMF (RFC 4733, SIP INFO, inband),
 * collected digits, playback and recording ends, the end of the call. The caller's BYE, a media timeout, an ACK that
 * never comes or the application's hang-up end it, with a CDR and the call events like any call.
 * In-dialog re-INVITEs get the same answer again (the session is unchanged, RFC 3264 §8), UPDATE
 * and INFO a 200; a REFER is refused (nothing to transfer to yet).
 *
 * <p>Owned by the call's executor (the caller's Call-ID's): every method and every endpoint event runs there.
 */
final class PbxAnsweredCall implements CallSession, PbxLeg {
    private static final Logger log = LoggerFactory.getLogger(PbxAnsweredCall.class);

    private enum Phase { OPENING, ANSWERED, ENDED }

    private final CallServices services;
    private final CallRegistry registry;
    private final ServerTransaction invite;
    private final SessionDescription offer; // the caller's; null for a delayed offer (INVITE without SDP)
    private SessionDescription pbxOffer; // ours in the 200 when the caller's INVITE had none
    private boolean mediaConnected;
    private final String caller;
    private final String callerAuthUser;
    private final String dialled;
    private final PbxLegListener listener;
    private final Instant startedAt;
    private final boolean announced; // the call rang an extension first: CallStarted is out already
    private final String localTag;
    private final LocalContact contact;
    private Phase phase = Phase.OPENING;
    private MediaEndpoint endpoint;
    private byte[] answerSdp;
    private String codec;
    private Dialog dialog;
    private Instant answeredAt;
    private DigitCollector collecting;

    PbxAnsweredCall(CallServices services, CallRegistry registry, InviteAwaitingApplication incoming,
            PbxLegListener listener) {
        this.services = services;
        this.registry = registry;
        this.invite = incoming.invite();
        this.offer = incoming.offer().orElse(null);
        this.caller = incoming.login().extension();
        this.callerAuthUser = incoming.login().authUser();
        this.dialled = incoming.dialled();
        this.listener = listener;
        this.announced = incoming.rangSince().isPresent();
        this.startedAt = incoming.rangSince().orElseGet(services.clock()::instant);
        this.localTag = incoming.localTag();
        this.contact = new LocalContact(services.stack(), services.settings().sipHost());
    }

    /** Opens the endpoint; the answer follows once its ports are bound. */
    void start() {
        if (!announced) {
            services.events().publish(new PbxEvent.CallStarted(startedAt, id(), caller, dialled));
        }
        services.endpoints().open(id() + " pbx", new EndpointEvents(), invite.executor())
                .whenComplete((opened, failure) -> invite.executor().execute(() -> onEndpoint(opened, failure)));
    }

    private void onEndpoint(MediaEndpoint opened, Throwable failure) {
        if (phase == Phase.ENDED) {
            if (opened != null) {
                opened.close(); // the caller hung up while the ports were being bound
            }
            return;
        }
        if (failure != null) {
            log.warn("media endpoint unavailable call_id={} reason={}", id(), failure.toString());
            refuse(503, "Media Unavailable", Disposition.FAILED, "no media ports");
            return;
        }
        endpoint = opened;
        String address = services.settings().mediaAddress();
        Origin origin = new LegOrigin(address).next();
        org.switchboard.media.sdp.MediaEndpoint local = new org.switchboard.media.sdp.MediaEndpoint(address,
                opened.ports().rtpPort());
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
        return new CallRecord(id(), caller, dialled, startedAt, answered ? answeredAt : null, endedAt,
                disposition, cause, answered ? codec : null, Call.hostPort(invite.flow().remote()), null, callerAuthUser);
    }

    /**
     * The SDP exchange is complete: the endpoint sends to where {@code remote} (the caller's offer or
     * answer) listens, in the first codec agreed, and the application starts.
     */
    private void connect(SessionDescription remote, AnswerResult.Answered agreed) {
        RemoteMedia media = EndpointSdp.remoteMedia(remote, agreed);
        endpoint.setRemote(media);
        codec = media.codec().encodingName();
        mediaConnected = true;
        log.info("call answered by the pbx call_id={} caller={} dialled={} codec={}", id(), caller, dialled, codec);
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
        if (phase != Phase.ANSWERED || mediaConnected || pbxOffer == null
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
        return caller;
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
    public void transfer(Destination destination) {
        // Integration placeholder until the engine branch lands: moving an answered leg is not built yet.
        listener.transferFailed(this, destination, 501, "Not Implemented");
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
    public void hangUp(String cause) {
        endCall(cause);
    }

    /** Ends the call from the PBX's side: BYE once answered, 487 before. */

    @Override
    public boolean endCall(String cause) {
        return switch (phase) {
            case ENDED -> false;
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
        NextHop hop = new NextHop(invite.flow().transport(), invite.flow().remote());
        services.stack().send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(),
                services.farewells().listener());
        end(disposition, cause);
    }

    private void refuse(int status, String reason, Disposition disposition, String cause) {
        invite.respond(invite.request().createResponse(status, reason).withToTag(localTag));
        end(disposition, cause);
    }

    private void end(Disposition disposition, String cause) {
        if (phase == Phase.ENDED) {
            return;
        }
        boolean answered = disposition == Disposition.ANSWERED;
        phase = Phase.ENDED;
        if (collecting != null) {
            collecting.cancel();
        }
        if (endpoint != null) {
            endpoint.close();
        }
        registry.remove(this, List.of());
        Instant endedAt = services.clock().instant();
        services.recordEnd(cdrRecord(disposition, cause, endedAt));
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
        CallSnapshotBuilder parts = new CallSnapshotBuilder(id(), caller, dialled,
                switch (phase) {
                    case OPENING -> CallState.SETTING_UP;
                    case ANSWERED -> CallState.ANSWERED;
                    case ENDED -> CallState.ENDING;
                }, startedAt, Optional.ofNullable(answeredAt), Optional.ofNullable(codec));
        parts.addLeg(true, id(), caller, Call.hostPort(invite.flow().remote()),
                endpoint == null ? 0 : endpoint.ports().rtpPort(), Optional.empty());
        return CompletableFuture.completedFuture(parts.build(null));
    }

    /** The endpoint's events, on the call's executor. */
    private final class EndpointEvents implements MediaEventListener {
        @Override
        public void onDtmf(char digit, DtmfMethod method) {
            if (phase == Phase.ANSWERED) {
                onDigit(digit);
            }
        }

        @Override
        public void onPlaybackFinished(long playbackId, PlaybackEnd reason) {
            if (phase == Phase.ANSWERED) {
                listener.playbackFinished(PbxAnsweredCall.this, playbackId, reason);
            }
        }

        @Override
        public void onRecordingFinished(RecordingResult result) {
            listener.recordingFinished(PbxAnsweredCall.this, result);
        }

        @Override
        public void onMediaTimeout() {
            if (phase == Phase.ANSWERED) {
                log.info("media timeout call_id={} leg=pbx", id());
                endCall("media timeout");
            }
        }
    }
}
