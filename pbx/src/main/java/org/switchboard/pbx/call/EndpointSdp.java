package org.switchboard.pbx.call;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.Codec;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.MediaEndpoint;
import org.switchboard.media.sdp.Origin;
import org.switchboard.media.sdp.RtpMap;
import org.switchboard.media.sdp.SdpAnswerer;
import org.switchboard.media.sdp.SdpOfferer;
import org.switchboard.media.sdp.SessionDescription;

/**
 * The SDP of a leg the PBX terminates on one of its own media endpoints, which speak G.711: the
 * answer to a phone's offer (PCMU, else PCMA, with RFC 4733 telephone-event when offered), the
 * PBX's own offer when the phone sent none, and what the endpoint must send once the exchange is
 * complete. Stateless; any thread.
 */
final class EndpointSdp {
    private static final SdpAnswerer ANSWERER = new SdpAnswerer(List.of(Codec.PCMU, Codec.PCMA), true);
    private static final SdpOfferer OFFERER = new SdpOfferer(SdpOfferer.DEFAULT_FORMATS);

    private EndpointSdp() {}

    /** The answer to {@code offer}, receiving at {@code local}. */
    static AnswerResult answer(SessionDescription offer, Origin origin, MediaEndpoint local) {
        return ANSWERER.answer(offer, origin, local);
    }

    /** The PBX's offer when the phone made none (RFC 3264 §5): PCMU, PCMA, telephone-event 101, at {@code local}. */
    static SessionDescription offer(Origin origin, MediaEndpoint local) {
        return OFFERER.offer(origin, local);
    }

    /**
     * What the endpoint sends after the exchange {@code agreed}: to where {@code remote} (the
     * phone's offer or answer) listens, in the first agreed codec, with telephone-event if agreed.
     * A host name or {@code c=0.0.0.0} leaves the address to latching (the phone's first packet).
     */
    static RemoteMedia remoteMedia(SessionDescription remote, AnswerResult.Answered agreed) {
        MediaDescription stream = remote.media().get(agreed.mediaIndex());
        RtpMap audio = agreed.codecs().stream().filter(map -> !map.codec().isTelephoneEvent()).findFirst().orElseThrow();
        Optional<Integer> events = agreed.codecs().stream().filter(map -> map.codec().isTelephoneEvent())
                .map(RtpMap::payloadType).findFirst();
        Optional<InetSocketAddress> peer = remote.connectionOf(stream).filter(c -> !c.isHold())
                .flatMap(c -> literal(c.address())).map(host -> new InetSocketAddress(host, stream.port()));
        return new RemoteMedia(peer, audio.payloadType(), audio.codec(), events);
    }

    private static Optional<InetAddress> literal(String address) {
        try {
            return Optional.of(InetAddress.ofLiteral(address));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
