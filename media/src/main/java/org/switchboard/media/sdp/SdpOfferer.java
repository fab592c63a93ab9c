package org.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PBX's own SDP offer (RFC 3264 §5) for a call whose caller sent none (late offer): one audio RTP/AVP stream
 * on a relay port with the payload formats the PBX relays, and the check of the answer that comes back (§6: the
 * answer must keep the stream and pick formats from the offer).
 *
 * <p>Immutable: any thread may call it.
 */
public final class SdpOfferer {
    /** What the PBX offers when it must offer on its own: G.711 both laws and RFC 4733 DTMF. */
    public static final List<RtpMap> DEFAULT_FORMATS = List.of(
            new RtpMap(0, "PCMU", 8000, 1),
            new RtpMap(8, "PCMA", 8000, 1),
            new RtpMap(101, "telephone-event", 8000, 1));

    /** RFC 4733 §7.1.1: the DTMF digits, star, hash and A-D. */
    private static final String TELEPHONE_EVENTS = "0-15";

    private final List<RtpMap> formats;

    /** An offerer of {@code formats}, in that order (the first is the one preferred). */
    public SdpOfferer(List<RtpMap> formats) {
        this.formats = List.copyOf(formats);
        if (this.formats.stream().allMatch(f -> f.codec().isTelephoneEvent())) {
            throw new IllegalArgumentException("an offer needs at least one audio codec: " + formats);
        }
    }

    /** The offer: one sendrecv audio stream received at {@code local}. */
    public SessionDescription offer(Origin origin, MediaEndpoint local) {
        List<Attribute> attributes = new ArrayList<>();
        for (RtpMap f : formats) {
            attributes.add(Attribute.of("rtpmap", f.toAttributeValue()));
            if (f.codec().isTelephoneEvent()) {
                attributes.add(Attribute.of("fmtp", f.payloadType() + " " + TELEPHONE_EVENTS));
            }
        }
        attributes.add(Attribute.flag(Direction.SENDRECV.attributeName()));
        MediaDescription audio = new MediaDescription("audio", local.rtpPort(), 1, MediaDescription.RTP_AVP,
                formats.stream().map(f -> Integer.toString(f.payloadType())).toList(), Optional.empty(), List.of(),
                attributes);
        return new SessionDescription(origin, "-", Optional.of(Connection.internet(local.address())),
                List.of(new SdpField('t', "0 0")), List.of(), List.of(audio));
    }

    /**
     * Checks {@code answer} against {@code offer} (one this side sent, its audio stream at {@code mediaIndex}):
     * {@link AnswerResult.Answered} with the answer itself and the formats it kept that were offered, in the
     * answer's order; {@link AnswerResult.NotAcceptable} when it rejected the stream or kept no offered codec.
     */
    public static AnswerResult check(SessionDescription offer, SessionDescription answer, int mediaIndex) {
        if (mediaIndex >= offer.media().size()) {
            throw new IllegalArgumentException("media index " + mediaIndex + " is not in the offer");
        }
        if (answer.media().size() != offer.media().size()) {
            // RFC 3264 §6: one answer stream per offered stream, in the same order
            return new AnswerResult.NotAcceptable("answer has " + answer.media().size() + " media streams for "
                    + offer.media().size() + " offered");
        }
        MediaDescription answered = answer.media().get(mediaIndex);
        if (answered.isRejected()) {
            return new AnswerResult.NotAcceptable("answer rejected the audio stream");
        }
        List<RtpMap> offered = offer.media().get(mediaIndex).rtpMaps();
        List<RtpMap> kept = answered.rtpMaps().stream()
                .filter(a -> offered.stream().anyMatch(o -> o.codec().matches(a)))
                .toList();
        if (kept.stream().allMatch(k -> k.codec().isTelephoneEvent())) {
            return new AnswerResult.NotAcceptable("answer shares no codec with the offer "
                    + offered.stream().map(RtpMap::encodingName).toList());
        }
        return new AnswerResult.Answered(answer, mediaIndex, kept, answer.effectiveDirectionOf(answered));
    }
}
