package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import org.switchboard.media.srtp.SrtpContext;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/**
 * SRTP on one relay leg (RFC 3711): the context that unprotects what the leg's peer sends (keyed by the peer's
 * SDES key) and the one that protects what the PBX sends it (keyed by the PBX's own key for that leg). The leg's
 * RTP and RTCP streams share it; both run on the session's event loop, which owns it. A leg without SRTP has
 * none, and its packets pass untouched.
 */
final class LegSecurity {
    private final SrtpSuite suite;
    private final SrtpMasterKey localKey;
    private final SrtpMasterKey peerKey;
    private final SrtpContext protect;
    private final SrtpContext unprotect;

    private LegSecurity(SrtpSuite suite, SrtpMasterKey localKey, SrtpMasterKey peerKey,
            SrtpContext protect, SrtpContext unprotect) {
        this.suite = suite;
        this.localKey = localKey;
        this.peerKey = peerKey;
        this.protect = protect;
        this.unprotect = unprotect;
    }

    /** SRTP keyed as {@code keys} says. */
    static LegSecurity of(SrtpKeys keys) {
        return new LegSecurity(keys.suite(), keys.localKey(), keys.peerKey(),
                new SrtpContext(keys.suite(), keys.localKey()), new SrtpContext(keys.suite(), keys.peerKey()));
    }

    /**
     * This leg keyed by {@code keys} from now on, keeping each context whose key did not change: a context made
     * again for the same key would start its packet index afresh and reuse keystream (RFC 3711 §9.1), which a
     * re-INVITE repeating the keys must never cause.
     */
    LegSecurity rekeyed(SrtpKeys keys) {
        if (keys.suite() != suite) {
            return of(keys);
        }
        SrtpContext newProtect = keys.localKey().equals(localKey) ? protect : new SrtpContext(suite, keys.localKey());
        SrtpContext newUnprotect = keys.peerKey().equals(peerKey) ? unprotect : new SrtpContext(suite, keys.peerKey());
        return new LegSecurity(suite, keys.localKey(), keys.peerKey(), newProtect, newUnprotect);
    }

    /** Unprotects a packet the peer sent, in place; a negative {@link SrtpContext} code when it must be dropped. */
    int unprotect(ByteBuf data, boolean rtp) {
        return rtp ? unprotect.unprotectRtp(data) : unprotect.unprotectRtcp(data);
    }

    /** How many bytes protecting a packet adds (the tag; for RTCP also the SRTCP index). */
    int overhead(boolean rtp) {
        return rtp ? protect.rtpOverhead() : protect.rtcpOverhead();
    }

    /** Protects a packet for the peer, in place (it grows by the tag); a negative code when it must be dropped. */
    int protect(ByteBuf data, boolean rtp) {
        return rtp ? protect.protectRtp(data) : protect.protectRtcp(data);
    }
}
