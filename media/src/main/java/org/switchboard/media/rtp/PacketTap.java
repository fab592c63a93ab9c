package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Sees each RTP packet a relayed leg sends, after it was checked (and decrypted, on an SRTP leg) and before it goes
 * on to the other leg: how a call is recorded without a PBX endpoint in the media path.
 *
 * <p>Called on the session's {@code rtp-io-} event loop for every packet: it must only read {@code rtp} (neither
 * keep, release nor move its indexes) and do no more than copy what it needs into memory it owns; anything slow
 * belongs on another thread.
 */
@FunctionalInterface
public interface PacketTap {
    /** {@code rtp}, from the reader index: one RTP packet. */
    void copy(ByteBuf rtp);
}
