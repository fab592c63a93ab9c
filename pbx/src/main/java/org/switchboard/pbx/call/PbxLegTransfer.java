package org.switchboard.pbx.call;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.Attribute;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.RtpMap;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.routing.CallPlan;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.sip.message.SipResponse;

/**
 * {@link PbxLeg#transfer}: sends a caller the PBX answered on to a destination without a re-INVITE
 * to it. An extension is planned with {@link org.switchboard.pbx.routing.CallRouter} as if the caller
 * dialled it (forwarding, do-not-disturb, last resort) and rung with {@link ExtensionRing}; its
 * phones are offered leg B of the caller's relay session, limited to the codec agreed with the
 * caller (and telephone-event), so that when one answers the PBX endpoint attached to leg A
 * detaches and the relay carries the call with no transcoding, as a {@link Call} that takes over the
 * caller's id, dialog and CDR. While they ring the caller hears {@link Ringback}. A ring group is
 * planned and rung the same way, its members' phones in turn or together. A destination of
 * another kind, or a plan that ends in an application, starts that application on the answered leg
 * ({@link AnsweredLegHandoff}); a refusal, busy or no answer without a fallback is a failed transfer
 * and the leg stays with its application.
 *
 * <p>Owned by the call's executor: every method and callback runs there.
 */
final class PbxLegTransfer implements ExtensionRing.Listener {
    private final PbxAnsweredCall leg;
    private final Destination destination;
    private final CallServices services;
    private final Call call; // what the caller and the extension become once a phone answers
    private final CallMedia media;
    private final SessionDescription calleeOffer;
    private final ExtensionRing ring;
    private final TransferOptions options;
    private String extension;
    private boolean ringback;

    private PbxLegTransfer(PbxAnswering answering, PbxAnsweredCall leg, Destination destination, String extension,
            TransferOptions options) {
        this.leg = leg;
        this.destination = destination;
        this.services = answering.services();
        this.extension = extension;
        this.options = options;
        int index = leg.agreed().mediaIndex();
        SessionDescription callerSdp = limitedTo(leg.callerSdp(), index, leg.agreed().codecs());
        call = leg.bridgeCall(callerSdp, index, extension);
        media = new CallMedia(leg.session(), services.settings().mediaAddress(), index,
                new HeldPartyMusic(services.endpoints(), leg.session(), leg.executor(), services.holdMusic(), call::party),
                leg.sdes(), new SdesLeg(answering.router().mediaEncryption(extension), index));
        calleeOffer = media.anchored(Leg.A, callerSdp);
        ring = new ExtensionRing(services, answering.router(), call, leg.caller(),
                calleeOffer.toSdp().getBytes(StandardCharsets.UTF_8), this, options.ringTime());
    }

    /** Sends {@code leg}'s caller to {@code destination}; the outcome reaches the leg's listener. */
    static void start(PbxAnswering answering, PbxAnsweredCall leg, Destination destination, TransferOptions options) {
        CallPlan plan = answering.router().plan(leg.caller(), destination, leg.dialled(), options.direct(), options.together());
        switch (plan.action()) {
            case CallPlan.Reject reject -> leg.transferFailed(destination, reject.status(), reject.reason());
            case CallPlan.Apply apply -> leg.toApplication(destination, apply.destination());
            case CallPlan.Ring first -> {
                PbxLegTransfer transfer = new PbxLegTransfer(answering, leg, destination, first.extension(), options);
                leg.ringing(transfer);
                transfer.ring.start(plan);
            }
        }
    }

    /** The caller hung up (or the call was ended) while the phones rang. */
    void cancel() {
        ring.cancel();
        call.abandon();
    }

    /** The phones ringing, as the API lists them beside the caller. */
    void addRinging(CallSnapshotBuilder parts) {
        for (OutboundLeg pending : ring.pending()) {
            parts.addLeg(false, pending.callId(), extension, Call.hostPort(pending.remote()), media.localRtpPort(Leg.B),
                    Optional.empty());
        }
    }

    @Override
    public void ringing(CallPlan.Ring next, Originate forks) {
        extension = next.extension();
    }

    @Override
    public void provisional(OutboundLeg phone, SipResponse provisional) {
        if (!ringback) {
            ringback = true;
            leg.ringback(true);
        }
    }

    @Override
    public void answered(OutboundLeg phone, String answeredBy, SipResponse ok) {
        Optional<SessionDescription> answer = CallMedia.sdpOf(ok);
        AnswerResult result = answer.isEmpty() ? new AnswerResult.NotAcceptable("callee answered without SDP")
                : media.takeAnswer(Leg.B, calleeOffer, answer.get());
        switch (result) {
            case AnswerResult.NotAcceptable refused -> {
                phone.state(OutboundLeg.State.ENDED);
                services.bye(phone.dialog(), phone.hop());
                over();
                leg.transferFailed(destination, 488, refused.reason());
            }
            case AnswerResult.Answered answered -> {
                extension = answeredBy;
                call.bridge(extension, leg.dialog(), leg.answeredAt(), media, phone, ok, answer.get());
                // a direct ring may ring several extensions: its listener learns which one took the caller
                leg.bridgedTo(call, options.direct() ? new Destination(destination.kind(), extension) : destination);
            }
        }
    }

    @Override
    public void refused(CallPlan.Reject reject) {
        over();
        leg.transferFailed(destination, reject.status(), reject.reason());
    }

    @Override
    public void applied(CallPlan.Apply apply) {
        over();
        leg.toApplication(destination, apply.destination());
    }

    @Override
    public void failed(Originate.Failure failure) {
        over();
        Originate.Failure told = failure.passedOn();
        leg.transferFailed(destination, told.status(), told.reason());
    }

    /** Nobody will answer: the forks' Call-IDs are released and the ringback stops. */
    private void over() {
        call.abandon();
        if (ringback) {
            leg.ringback(false);
        }
    }

    /**
     * {@code sdp}'s stream {@code index} offering only the {@code agreed} payload types (the codec the
     * endpoint speaks with the caller, telephone-event): what the extension's phones may answer without
     * the relay having to transcode.
     */
    static SessionDescription limitedTo(SessionDescription sdp, int index, List<RtpMap> agreed) {
        Set<String> kept = new HashSet<>();
        agreed.forEach(map -> kept.add(Integer.toString(map.payloadType())));
        MediaDescription m = sdp.media().get(index);
        List<Attribute> attributes = m.attributes().stream().filter(a -> !isFormatAttribute(a)
                || kept.contains(a.value().orElse("").split(" ", 2)[0])).toList();
        List<MediaDescription> streams = new ArrayList<>(sdp.media());
        streams.set(index, new MediaDescription(m.media(), m.port(), m.numberOfPorts(), m.protocol(),
                m.formats().stream().filter(kept::contains).toList(), m.connection(), m.fields(), attributes));
        return sdp.withMedia(streams);
    }

    private static boolean isFormatAttribute(Attribute attribute) {
        return attribute.name().equals("rtpmap") || attribute.name().equals("fmtp");
    }
}
