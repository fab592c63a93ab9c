package org.switchboard.media.rtp;

import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/**
 * How one relay leg is encrypted, as its SDES exchange (RFC 4568) agreed: the suite, the PBX's own master key
 * for what it sends the leg's peer, and the peer's key for what the peer sends. Each direction has its own key.
 */
public record SrtpKeys(SrtpSuite suite, SrtpMasterKey localKey, SrtpMasterKey peerKey) {
    public SrtpKeys {
        if (suite == null || localKey == null || peerKey == null) {
            throw new IllegalArgumentException("SRTP keys need a suite and both master keys");
        }
    }
}
