package org.switchboard.media.rtp;

/**
 * An RTP port and the RTCP port above it (RFC 3550 §11: RTP on an even port, RTCP on the next odd one).
 *
 * <p>Immutable: any thread may use it.
 */
public record PortPair(int rtpPort) {
    /** Validates that the RTP port is even and the pair fits in 1-65535. */
    public PortPair {
        if (rtpPort <= 0 || rtpPort > 65534 || rtpPort % 2 != 0) {
            throw new IllegalArgumentException("RTP port must be even and in 2-65534: " + rtpPort);
        }
    }

    /** The RTCP port, RTP + 1. */
    public int rtcpPort() {
        return rtpPort + 1;
    }
}
