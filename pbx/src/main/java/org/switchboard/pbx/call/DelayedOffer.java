package org.switchboard.pbx.call;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.SdpOfferer;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.sip.message.SipRequest;

/**
 * A call whose caller sent its INVITE without SDP (delayed offer, RFC 3261 §13.2.1, RFC 3264 §5): the
 * PBX offers the callee's phones a session of its own (the codecs it relays, on the callee leg's
 * relay port), offers the caller the callee's answer in the 200 (on the caller leg's relay port) and
 * takes the caller's answer from its ACK. Owned by the call's executor.
 */
final class DelayedOffer {
    private static final SdpOfferer OFFERER = new SdpOfferer(SdpOfferer.DEFAULT_FORMATS);

    private final CallMedia media;
    private SessionDescription calleeOffer;
    private SessionDescription callerOffer;
    private boolean acked;

    DelayedOffer(CallMedia media) {
        this.media = media;
    }

    /** The offer every fork of the call gets. */
    byte[] calleeOffer() {
        calleeOffer = media.offer(Leg.B, OFFERER);
        return calleeOffer.toSdp().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The callee answered the PBX's offer: when acceptable, the result's description is what the
     * caller gets in the 200, here an offer (the callee's session on the caller leg's relay port).
     */
    AnswerResult calleeAnswered(SessionDescription answer) {
        AnswerResult result = media.takeAnswer(Leg.B, calleeOffer, answer);
        if (result instanceof AnswerResult.Answered answered) {
            callerOffer = media.anchored(Leg.B, answer);
            return new AnswerResult.Answered(callerOffer, answered.mediaIndex(), answered.codecs(), answered.direction());
        }
        return result;
    }

    /** Whether {@code ack} is the caller's first ACK of the 200 that carried our offer. */
    boolean isAnswerAck(SipRequest ack, SipRequest invite) {
        return callerOffer != null && !acked && ack.cseq().number() == invite.cseq().number();
    }

    /**
     * The caller's ACK, which must answer our offer (RFC 3261 §13.2.1).
     *
     * @return the caller's answer, or why the call cannot go on (no answer, or nothing in common)
     */
    Answer callerAcked(SipRequest ack) {
        acked = true;
        Optional<SessionDescription> answer = CallMedia.sdpOf(ack);
        if (answer.isEmpty()) {
            return new Answer.Failed("no SDP answer in the caller's ACK");
        }
        return switch (media.takeAnswer(Leg.A, callerOffer, answer.get())) {
            case AnswerResult.Answered answered -> new Answer.Taken(answer.get());
            case AnswerResult.NotAcceptable refused -> new Answer.Failed("caller's ACK answer not acceptable: "
                    + refused.reason());
        };
    }

    /** What the caller's ACK brought. */
    sealed interface Answer {
        /** The caller's session, now anchored: it stands for the caller's offer from here on. */
        record Taken(SessionDescription sdp) implements Answer {}

        /** The call must end; {@code cause} goes to the CDR. */
        record Failed(String cause) implements Answer {}
    }
}
