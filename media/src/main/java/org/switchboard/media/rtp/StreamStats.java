package org.switchboard.media.rtp;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Counters of one relayed stream (RTP or RTCP of one leg) at one moment: packets and bytes received from the
 * leg's peer and sent to it, packets dropped (not RTP, from a source not latched, or nowhere to send), how many
 * times the source was latched (the first latch included), the source now latched, whether the stream is
 * SRTP, of the dropped packets those SRTP refused (not authentic, replayed, or not protectable), what the relay
 * measured of the peer's RTP (loss and jitter; {@link Reception#NONE} on an RTCP stream), and on an RTCP stream
 * what the peer last reported of the audio it receives.
 *
 * <p>Immutable: any thread may use it.
 */
public record StreamStats(
        long packetsIn,
        long bytesIn,
        long packetsOut,
        long bytesOut,
        long dropped,
        long latches,
        Optional<InetSocketAddress> latchedSource,
        boolean encrypted,
        long srtpRejected,
        Reception reception,
        Optional<PeerReport> peerReport) {}
