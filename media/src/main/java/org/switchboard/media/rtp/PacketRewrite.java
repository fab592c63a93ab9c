package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * What a relay stream changes in each packet it sends to its peer, in place and before SRTP protects it: the RTP
 * header of the one stream the PBX sends a leg ({@link OutgoingStream}), the identifiers in the RTCP relayed to it
 * ({@link RtcpTranslation}), or nothing ({@link #NONE}, a PBX endpoint's own socket).
 *
 * <p>Called on the stream's {@code rtp-io-} event loop per packet: implementations allocate nothing.
 */
interface PacketRewrite {
    /** Sends packets as they are. */
    PacketRewrite NONE = (packet, nowNanos) -> {};

    /** Rewrites {@code packet} (from its reader index) on its way out at {@code nowNanos} (ticker time). */
    void rewrite(ByteBuf packet, long nowNanos);
}
