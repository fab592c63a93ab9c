package org.switchboard.pbx.call;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.rtp.RelayStats;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.Codec;
import org.switchboard.media.sdp.Connection;
import org.switchboard.media.sdp.Direction;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.MediaEndpoint;
import org.switchboard.media.sdp.RtcpAttribute;
import org.switchboard.media.sdp.RtpMap;
import org.switchboard.media.sdp.SdpAnchor;
import org.switchboard.media.sdp.SdpAnswerer;
import org.switchboard.media.sdp.SdpOfferer;
import org.switchboard.media.sdp.SdpParseException;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMessage;

/**
 * A call's media anchored on the relay: tells the relay where each leg's phone listens (from the
 * SDP it sent), rewrites every description passed from one leg to the other so both phones send
 * to the PBX, chooses the codec for the caller in the callee's order, and follows hold and resume.
 * Owned by the call's executor; the relay session it drives is thread-safe.
 */
final class CallMedia {
    static final String SDP = "application/sdp";

    private final RelaySession session;
    private final String address;
    private final int mediaIndex;
    private final LegOrigin callerOrigin;
    private final LegOrigin calleeOrigin;
    private final InetSocketAddress[] signalled = new InetSocketAddress[2];
    private Optional<String> codec = Optional.empty();
    private boolean held;
    private final HeldPartyMusic holdMusic;
    private final SdesLeg[] sdes;

    /**
     * @param holdMusic plays to the held party while the call is on hold
     * @param callerSdes the caller's leg's SRTP (A), {@code calleeSdes} the callee's (B)
     */
    CallMedia(RelaySession session, String address, int mediaIndex, HeldPartyMusic holdMusic,
            SdesLeg callerSdes, SdesLeg calleeSdes) {
        this.session = session;
        this.sdes = new SdesLeg[] {callerSdes, calleeSdes};
        this.holdMusic = holdMusic;
        this.address = address;
        this.mediaIndex = mediaIndex;
        this.callerOrigin = new LegOrigin(address);
        this.calleeOrigin = new LegOrigin(address);
    }

    /**
     * The stream the relay carries: the first active RTP/AVP or RTP/SAVP (SDES-SRTP, {@link SdesLeg})
     * audio section of an offer; empty when there is none (the call is refused with 488).
     */
    static OptionalInt audioIndex(SessionDescription offer) {
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            boolean rtp = m.protocol().equals(MediaDescription.RTP_AVP) || m.protocol().equals(MediaDescription.RTP_SAVP);
            if (m.media().equals("audio") && rtp && !m.isRejected()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The SDP body of a message, if it has one that parses; anything else is not ours to anchor. */
    static Optional<SessionDescription> sdpOf(SipMessage message) {
        byte[] body = message.body();
        boolean sdp = message.headers().first(HeaderName.CONTENT_TYPE)
                .map(t -> t.toLowerCase(Locale.ROOT).startsWith(SDP)).orElse(true);
        return sdp ? parse(body) : Optional.empty();
    }

    /** {@code body} as a session description, if it is one that parses. */
    static Optional<SessionDescription> parse(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SdpParser.parse(new String(body, StandardCharsets.UTF_8)));
        } catch (SdpParseException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code sdp}, received from {@code from}'s phone, rewritten for the other leg: the relay learns
     * where {@code from} listens, and the other phone is told to send to the relay.
     */
    byte[] relay(Leg from, SessionDescription sdp) {
        return anchored(from, sdp).toSdp().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * As {@link #relay}, the description itself. Each side's SRTP is its own: {@code from}'s key is
     * learnt and the other phone gets its leg's key (a description breaking {@code from}'s policy
     * leaves that leg's encryption as it was).
     */
    SessionDescription anchored(Leg from, SessionDescription sdp) {
        SessionDescription plain = sdes(from).fromPhone(sdp);
        signal(from, plain);
        Leg to = from.other();
        SessionDescription out = sdes(to).toPhone(SdpAnchor.anchor(plain, mediaIndex, endpoint(to)).withOrigin(origin(to).next()));
        secure();
        return out;
    }

    /** The PBX's own offer to {@code to}'s phone on that leg's relay port (late offer: nobody else offered). */
    SessionDescription offer(Leg to, SdpOfferer offerer) {
        return sdes(to).toPhone(offerer.offer(origin(to).next(), endpoint(to)));
    }

    /**
     * {@code from}'s phone answered {@code offer}, which the PBX sent it: when the answer is acceptable
     * the relay learns where the phone listens, follows its direction, and the codec is the first it kept.
     */
    AnswerResult takeAnswer(Leg from, SessionDescription offer, SessionDescription answer) {
        SessionDescription plainAnswer = sdes(from).fromPhone(answer);
        Optional<String> unmet = sdes(from).unmet();
        if (unmet.isPresent()) {
            return new AnswerResult.NotAcceptable(unmet.get());
        }
        secure();
        AnswerResult result = SdpOfferer.check(sdes(from).plain(offer), plainAnswer, mediaIndex);
        if (result instanceof AnswerResult.Answered answered) {
            signal(from, plainAnswer);
            followOffer(from, plainAnswer); // an answer's direction binds its sender as an offer's does
            chose(answered);
        }
        return result;
    }

    /**
     * The answer to the caller's offer from the callee's answer: codecs both sides have, in the
     * callee's order (RFC 3264 §6.1), on the caller's relay port. {@link AnswerResult.NotAcceptable}
     * when the callee answered with nothing the caller offered.
     */
    AnswerResult answerCaller(SessionDescription callerOffer, SessionDescription calleeAnswer) {
        SessionDescription plainAnswer = sdes(Leg.B).fromPhone(calleeAnswer);
        Optional<String> unmet = sdes(Leg.B).unmet();
        if (unmet.isPresent()) {
            return new AnswerResult.NotAcceptable("callee: " + unmet.get());
        }
        signal(Leg.B, plainAnswer);
        if (plainAnswer.media().size() <= mediaIndex || plainAnswer.media().get(mediaIndex).isRejected()) {
            return new AnswerResult.NotAcceptable("callee rejected the audio stream");
        }
        AnswerResult result = new SdpAnswerer(plainAnswer.media().get(mediaIndex).codecs(), true)
                .answer(sdes(Leg.A).fromPhone(callerOffer), callerOrigin.next(), endpoint(Leg.A));
        if (result instanceof AnswerResult.Answered answered) {
            chose(answered);
            secure();
            return new AnswerResult.Answered(sdes(Leg.A).toPhone(answered.answer()), answered.mediaIndex(),
                    answered.codecs(), answered.direction());
        }
        return result;
    }

    /**
     * The answer to the offer of a phone that picks the call up ({@code pickerOffer}, on leg B, whose codecs
     * {@link #answerCaller} already chose for the caller as {@code callerAnswer}): the same codecs, in the picker's
     * payload types, on the callee's relay port.
     */
    AnswerResult answerPicker(SessionDescription pickerOffer, AnswerResult.Answered callerAnswer) {
        List<Codec> agreed = callerAnswer.codecs().stream().map(RtpMap::codec).filter(c -> !c.isTelephoneEvent())
                .toList();
        if (agreed.isEmpty()) {
            return new AnswerResult.NotAcceptable("no codec agreed with the caller");
        }
        return new SdpAnswerer(agreed, true).answer(pickerOffer, calleeOrigin.next(), endpoint(Leg.B));
    }

    /** Whether {@code leg}'s media is encrypted (SRTP). */
    boolean isSecure(Leg leg) {
        return sdes(leg).isSecure();
    }

    /** The SRTP side of {@code leg}, for a call that carries the leg on (a transfer). */
    SdesLeg sdes(Leg leg) {
        return sdes[leg.ordinal()];
    }

    /** Tells the relay each leg's keys as negotiated so far. */
    private void secure() {
        for (Leg leg : Leg.values()) {
            session.secure(leg, sdes(leg).keys());
        }
    }

    private void chose(AnswerResult.Answered answered) {
        codec = answered.codecs().stream().map(c -> c.codec()).filter(c -> !c.isTelephoneEvent()).findFirst()
                .map(c -> c.encodingName());
    }

    /**
     * Follows an offer sent by {@code from} in a re-INVITE or UPDATE: a leg told not to send is no
     * longer expected to (no media timeout while held), and both are again on resume. While
     * {@code from} holds (any direction but sendrecv), the other party hears the hold music.
     *
     * @return whether the call is on hold now
     */
    boolean followOffer(Leg from, SessionDescription offer) {
        if (offer.media().size() <= mediaIndex) {
            return held;
        }
        Direction direction = offer.effectiveDirectionOf(offer.media().get(mediaIndex));
        boolean offererSends = direction == Direction.SENDRECV || direction == Direction.SENDONLY;
        boolean offererReceives = direction == Direction.SENDRECV || direction == Direction.RECVONLY;
        session.expectMedia(from, offererSends);
        session.expectMedia(from.other(), offererReceives);
        held = direction != Direction.SENDRECV;
        holdMusic.follow(held ? Optional.of(from.other()) : Optional.empty(), codec);
        return held;
    }

    boolean isHeld() {
        return held;
    }

    Optional<String> codec() {
        return codec;
    }

    int localRtpPort(Leg leg) {
        return session.ports(leg).rtpPort();
    }

    /** Where the leg's phone said it receives RTP, until latching learns better; empty when not said. */
    Optional<InetSocketAddress> signalledRtp(Leg leg) {
        return Optional.ofNullable(signalled[leg.ordinal()]);
    }

    CompletableFuture<RelayStats> stats() {
        return session.stats();
    }

    /** The relay session, for a PBX endpoint to take over a leg. */
    RelaySession session() {
        return session;
    }

    /** Stops the hold music for good, leaving the relay session open (a leg goes to an application). */
    void stopHoldMusic() {
        holdMusic.close();
    }

    /** Stops the hold music and frees both legs' ports; idempotent. */
    void close() {
        holdMusic.close();
        session.close();
    }

    private void signal(Leg leg, SessionDescription sdp) {
        if (sdp.media().size() <= mediaIndex) {
            return;
        }
        MediaDescription m = sdp.media().get(mediaIndex);
        Optional<InetAddress> host = sdp.connectionOf(m).filter(c -> !c.isHold()).flatMap(CallMedia::literal);
        if (host.isEmpty() || m.isRejected()) {
            return; // hold (c=0.0.0.0) or a name we would have to resolve: latching finds the phone
        }
        InetAddress rtcpHost = m.rtcp().flatMap(RtcpAttribute::connection).flatMap(CallMedia::literal).orElse(host.get());
        int rtcpPort = m.rtcp().map(RtcpAttribute::port).orElse(m.port() + 1);
        signalled[leg.ordinal()] = new InetSocketAddress(host.get(), m.port());
        session.signalPeer(leg, signalled[leg.ordinal()], new InetSocketAddress(rtcpHost, rtcpPort));
    }

    private static Optional<InetAddress> literal(Connection c) {
        try {
            return Optional.of(InetAddress.ofLiteral(c.address()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private MediaEndpoint endpoint(Leg leg) {
        return new MediaEndpoint(address, session.ports(leg).rtpPort());
    }

    private LegOrigin origin(Leg leg) {
        return leg == Leg.A ? callerOrigin : calleeOrigin;
    }
}
