package org.switchboard.media.endpoint;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.switchboard.media.sdp.Codec;

/**
 * What the SDP exchange agreed for an endpoint's peer: where it receives RTP, the audio payload type and codec
 * (G.711 µ-law or A-law), and the RFC 4733 telephone-event payload type when one was negotiated.
 *
 * <p>Immutable: any thread may use it.
 *
 * @param rtp the peer's RTP address from SDP; empty for {@code c=0.0.0.0} (the first packet it sends is latched)
 * @param payloadType the audio payload type number, 0-127 (0 for PCMU, 8 for PCMA in the static assignment)
 * @param codec {@link Codec#PCMU} or {@link Codec#PCMA}
 * @param telephoneEventPayloadType the telephone-event payload type (often 101), empty when not negotiated: then
 *     DTMF is sent as inband tones
 */
public record RemoteMedia(
        Optional<InetSocketAddress> rtp, int payloadType, Codec codec, Optional<Integer> telephoneEventPayloadType) {
    /** Validates payload types and codec. */
    public RemoteMedia {
        checkPayloadType(payloadType);
        telephoneEventPayloadType.ifPresent(RemoteMedia::checkPayloadType);
        G711.of(codec);
        if (telephoneEventPayloadType.isPresent() && telephoneEventPayloadType.get() == payloadType) {
            throw new IllegalArgumentException("audio and telephone-event share payload type " + payloadType);
        }
    }

    /** PCMU (payload type 0) to {@code rtp}, with telephone-event on payload type 101. */
    public static RemoteMedia pcmu(InetSocketAddress rtp) {
        return new RemoteMedia(Optional.of(rtp), 0, Codec.PCMU, Optional.of(101));
    }

    /** PCMA (payload type 8) to {@code rtp}, with telephone-event on payload type 101. */
    public static RemoteMedia pcma(InetSocketAddress rtp) {
        return new RemoteMedia(Optional.of(rtp), 8, Codec.PCMA, Optional.of(101));
    }

    /**
     * The static G.711 payload (RFC 3551: 0 for PCMU, 8 for PCMA) for a call that agreed {@code encodingName}, sent to
     * wherever latching finds the peer: what a PBX endpoint diverted onto a relayed leg speaks. Empty for another
     * codec, which an endpoint cannot speak.
     */
    public static Optional<RemoteMedia> latchedG711(String encodingName) {
        if (encodingName.equalsIgnoreCase(Codec.PCMU.encodingName())) {
            return Optional.of(new RemoteMedia(Optional.empty(), 0, Codec.PCMU, Optional.empty()));
        }
        if (encodingName.equalsIgnoreCase(Codec.PCMA.encodingName())) {
            return Optional.of(new RemoteMedia(Optional.empty(), 8, Codec.PCMA, Optional.empty()));
        }
        return Optional.empty();
    }

    private static void checkPayloadType(int pt) {
        if (pt < 0 || pt > 127) {
            throw new IllegalArgumentException("payload type must be 0-127: " + pt);
        }
    }
}
