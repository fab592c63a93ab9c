package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Takes over the packets a relay leg receives, while a PBX media endpoint holds that leg (music on hold, a prompt
 * to one party of a bridged call): see {@link RelaySession#divert}.
 *
 * <p>Called on the session's {@code rtp-io-} event loop, per packet: an implementation allocates nothing.
 */
@FunctionalInterface
public interface PacketReceiver {
    /** A packet accepted (latching, counters) on the leg's RTP socket; takes ownership of {@code data}. */
    void receive(ByteBuf data);
}
