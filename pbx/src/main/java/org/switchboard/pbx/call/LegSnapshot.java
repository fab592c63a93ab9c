package org.switchboard.pbx.call;

import java.util.Optional;
import org.switchboard.media.rtp.PeerReport;
import org.switchboard.media.rtp.Reception;

/**
 * One leg (one dialog) of a call in progress.
 *
 * @param role {@code caller} for the A leg, {@code callee} for a B leg
 * @param callId this leg's SIP Call-ID
 * @param party the extension or URI user at the far end of the leg
 * @param signalingAddress the leg's SIP peer as {@code host:port} (its received address, NAT included)
 * @param media the leg's RTP state, empty when media is not anchored for it (yet)
 */
public record LegSnapshot(String role, String callId, String party, String signalingAddress,
        Optional<Media> media) {

    /**
     * The relay's view of a leg's RTP stream.
     *
     * @param localRtpPort the PBX port this leg's phone sends RTP to
     * @param remoteRtpAddress where the relay sends this leg's RTP ({@code host:port}, latched when learned)
     * @param latched whether the address was learned from the phone's own packets (NAT)
     * @param packetsReceived RTP packets received from this leg's phone
     * @param packetsSent RTP packets relayed to this leg's phone
     * @param srtp whether the leg's media is SRTP (the relay encrypts and decrypts it)
     * @param srtpRejected packets from this leg's side that SRTP refused (not authentic or replayed)
     * @param signalledRtpAddress where the phone's SDP said it receives RTP ({@code host:port}), empty when it
     *     gave no literal address
     * @param reception what the relay measured of the phone's RTP (loss, jitter)
     * @param peerReport what the phone last reported in RTCP of the audio it receives, if it sends RTCP
     */
    public record Media(int localRtpPort, String remoteRtpAddress, boolean latched, long packetsReceived,
            long packetsSent, boolean srtp, long srtpRejected, String signalledRtpAddress, Reception reception,
            Optional<PeerReport> peerReport) {

        /** A plain RTP leg's media with nothing measured. */
        public Media(int localRtpPort, String remoteRtpAddress, boolean latched, long packetsReceived, long packetsSent) {
            this(localRtpPort, remoteRtpAddress, latched, packetsReceived, packetsSent, false, 0, remoteRtpAddress,
                    Reception.NONE, Optional.empty());
        }
    }
}
