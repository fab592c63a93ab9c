package org.switchboard.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a session description so that its anchored stream points at the relay (the B2BUA forwards the other
 * leg's offer or answer with its own address), keeping codecs, direction and the other attributes. What would
 * let media bypass or confuse the relay goes: streams it does not carry are disabled with port 0, ICE candidates
 * and credentials (they name the phone's own addresses) and rtcp-mux (the relay has a separate RTCP port) are
 * removed.
 *
 * <p>Stateless: any thread may call it.
 */
public final class SdpAnchor {
    /**
     * RFC 8445 ICE attributes would let the peers find each other's real addresses; RFC 5761 rtcp-mux would put
     * RTCP on the relay's RTP port. Both are removed from the anchored stream.
     */
    private static final Set<String> REMOVED = Set.of(
            "candidate", "remote-candidates", "end-of-candidates", "ice-ufrag", "ice-pwd", "ice-options", "ice-lite",
            "ice-mismatch", "rtcp-mux");

    private SdpAnchor() {}

    /**
     * {@code sdp} with media section {@code mediaIndex} received at {@code relay}. An old-style hold address
     * (c=0.0.0.0) is kept, so the far end still sees the hold.
     */
    public static SessionDescription anchor(SessionDescription sdp, int mediaIndex, MediaEndpoint relay) {
        if (mediaIndex < 0 || mediaIndex >= sdp.media().size()) {
            throw new IllegalArgumentException(
                    "media index " + mediaIndex + " outside 0-" + (sdp.media().size() - 1));
        }
        Connection relayConnection = Connection.internet(relay.address());
        List<MediaDescription> media = new ArrayList<>();
        for (int i = 0; i < sdp.media().size(); i++) {
            MediaDescription m = sdp.media().get(i);
            if (i != mediaIndex) {
                media.add(m.isRejected() ? m : SdpAnswerer.rejected(m));
                continue;
            }
            MediaDescription anchored = m.withConnection(m.connection().map(c -> pointAt(c, relayConnection)));
            if (!m.isRejected()) {
                anchored = anchored.withPort(relay.rtpPort()).withAttributes(rtcpAt(m.attributes(), relay));
            }
            media.add(anchored);
        }
        Optional<Connection> session = sdp.connection().map(c -> pointAt(c, relayConnection));
        if (session.isEmpty() && sdp.media().get(mediaIndex).connection().isEmpty()) {
            session = Optional.of(relayConnection);
        }
        List<Attribute> sessionAttributes =
                sdp.attributes().stream().filter(a -> !REMOVED.contains(a.name())).toList();
        return sdp.withConnection(session).withAttributes(sessionAttributes).withMedia(media);
    }

    private static Connection pointAt(Connection original, Connection relay) {
        return original.isHold() ? original : relay;
    }

    /** RFC 3605: an rtcp attribute must name the relay's RTCP port (RTP + 1), not the phone's. */
    private static List<Attribute> rtcpAt(List<Attribute> attributes, MediaEndpoint relay) {
        List<Attribute> out = new ArrayList<>(attributes.size());
        for (Attribute a : attributes) {
            if (REMOVED.contains(a.name())) {
                continue;
            }
            if (a.name().equals("rtcp") && a.value().isPresent()) {
                RtcpAttribute old = RtcpAttribute.parse(a.value().get());
                RtcpAttribute moved = new RtcpAttribute(
                        relay.rtpPort() + 1, old.connection().map(c -> Connection.internet(relay.address())));
                out.add(Attribute.of("rtcp", moved.toAttributeValue()));
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
