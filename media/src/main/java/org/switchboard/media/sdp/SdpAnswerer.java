package org.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Builds an RFC 3264 answer to an offer for the one audio stream the PBX anchors, from an ordered list of codecs
 * this side accepts. The answer lists the common codecs in <em>this side's</em> order (in a B2BUA the callee's
 * answer order wins), keeps the offer's payload type numbers, carries RFC 4733 telephone-event through, mirrors
 * the direction, echoes ptime, and rejects every other stream with port 0.
 *
 * <p>Immutable: any thread may call it.
 */
public final class SdpAnswerer {
    private final List<Codec> preferences;
    private final boolean telephoneEvents;

    /**
     * An answerer accepting {@code preferences} in that order; telephone-event is accepted when {@code
     * telephoneEvents} and offered at the clock rate of a chosen codec.
     */
    public SdpAnswerer(List<Codec> preferences, boolean telephoneEvents) {
        this.preferences = List.copyOf(preferences);
        if (this.preferences.isEmpty()) {
            throw new IllegalArgumentException("an answerer needs at least one codec");
        }
        this.telephoneEvents = telephoneEvents;
    }

    /**
     * Answers {@code offer}; the accepted stream is received at {@code local}. Only the first audio RTP/AVP stream
     * with a common codec is accepted: the relay anchors one audio stream per call.
     */
    public AnswerResult answer(SessionDescription offer, Origin origin, MediaEndpoint local) {
        List<MediaDescription> answerMedia = new ArrayList<>();
        int accepted = -1;
        List<RtpMap> agreed = List.of();
        Direction direction = Direction.INACTIVE;
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription m = offer.media().get(i);
            List<RtpMap> common = accepted < 0 && isAudioRtp(m) ? common(m) : List.of();
            if (common.isEmpty()) {
                answerMedia.add(rejected(m));
                continue;
            }
            accepted = i;
            agreed = common;
            direction = offer.effectiveDirectionOf(m).answer();
            answerMedia.add(acceptedStream(m, common, direction, local));
        }
        if (accepted < 0) {
            return new AnswerResult.NotAcceptable(reasonForNoStream(offer));
        }
        SessionDescription answer = new SessionDescription(
                origin,
                "-",
                Optional.of(Connection.internet(local.address())),
                List.of(new SdpField('t', "0 0")),
                List.of(),
                answerMedia);
        return new AnswerResult.Answered(answer, accepted, agreed, direction);
    }

    private static boolean isAudioRtp(MediaDescription m) {
        return !m.isRejected() && m.media().equals("audio") && m.protocol().equals(MediaDescription.RTP_AVP);
    }

    private List<RtpMap> common(MediaDescription m) {
        List<RtpMap> offered = m.rtpMaps();
        List<RtpMap> chosen = new ArrayList<>();
        for (Codec wanted : preferences) {
            if (wanted.isTelephoneEvent()) {
                continue;
            }
            offered.stream().filter(wanted::matches).findFirst().ifPresent(chosen::add);
        }
        if (chosen.isEmpty() || !telephoneEvents) {
            return chosen;
        }
        // RFC 4733 §7.1.1: telephone-event must use the clock rate of the audio it accompanies
        List<RtpMap> events = offered.stream()
                .filter(r -> r.codec().isTelephoneEvent())
                .filter(r -> chosen.stream().anyMatch(c -> c.clockRateHz() == r.clockRateHz()))
                .toList();
        chosen.addAll(events);
        return chosen;
    }

    private static MediaDescription acceptedStream(
            MediaDescription offered, List<RtpMap> common, Direction direction, MediaEndpoint local) {
        List<Attribute> attributes = new ArrayList<>();
        for (RtpMap r : common) {
            attributes.add(Attribute.of("rtpmap", r.toAttributeValue()));
            offered.fmtp(r.payloadType())
                    .ifPresent(p -> attributes.add(Attribute.of("fmtp", r.payloadType() + " " + p)));
        }
        OptionalInt ptime = offered.ptimeMs();
        if (ptime.isPresent()) {
            attributes.add(Attribute.of("ptime", Integer.toString(ptime.getAsInt())));
        }
        attributes.add(Attribute.flag(direction.attributeName()));
        List<String> formats = common.stream().map(r -> Integer.toString(r.payloadType())).toList();
        return new MediaDescription(
                offered.media(),
                local.rtpPort(),
                1,
                offered.protocol(),
                formats,
                Optional.empty(),
                List.of(),
                attributes);
    }

    /** RFC 3264 §6: a rejected stream keeps its media, protocol and formats, with port 0 and nothing else. */
    static MediaDescription rejected(MediaDescription m) {
        List<String> formats = m.formats().isEmpty() ? List.of("0") : m.formats();
        return new MediaDescription(
                m.media(), 0, 1, m.protocol(), formats, Optional.empty(), List.of(), List.of());
    }

    private String reasonForNoStream(SessionDescription offer) {
        boolean anyAudio = offer.media().stream().anyMatch(SdpAnswerer::isAudioRtp);
        if (!anyAudio) {
            return "no active RTP/AVP audio stream offered";
        }
        return "no common codec; we accept " + preferences.stream().map(Codec::encodingName).toList();
    }
}
