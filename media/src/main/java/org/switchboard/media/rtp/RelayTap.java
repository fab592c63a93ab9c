package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * What a recorder gives {@link RelaySession#tap}: the RTP packets of both legs, each with the leg that sent it. The
 * same contract as {@link PacketTap}: on the event loop, read only, copy only.
 */
@FunctionalInterface
public interface RelayTap {
    /** {@code rtp}, sent by {@code from}'s peer. */
    void copy(Leg from, ByteBuf rtp);
}
