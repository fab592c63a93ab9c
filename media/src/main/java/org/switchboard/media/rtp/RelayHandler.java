package org.switchboard.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-packet path of the relay, on one leg's socket: check and count the packet on this leg's stream, then
 * hand the received buffer, uncopied, to the other leg's stream to send to its peer, or to the PBX media endpoint
 * a leg is diverted to ({@link RelayStream#divert}). Allocates nothing, logs nothing and captures nothing per
 * packet; a recorded call's {@link PacketTap} reads the packet on its way.
 *
 * <p>Runs on the session's {@code rtp-io-} event loop, one instance per socket.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);

    private final RelayStream in;
    private final RelayStream out;

    /** Relays what arrives on {@code in}'s socket to {@code out}'s peer. */
    public RelayHandler(RelayStream in, RelayStream out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        relay(packet.sender(), packet.content());
    }

    /**
     * Relays one received datagram payload from {@code source}, taking ownership of {@code data}: it is sent on
     * or released. The whole per-packet path; public so the JMH benchmark can drive it without a socket.
     */
    public void relay(InetSocketAddress source, ByteBuf data) {
        if (!in.accept(source, data)) {
            data.release();
            return;
        }
        if (!in.isRtp()) {
            in.measureRoundTrip(out);
        }
        PacketTap tap = in.tap();
        if (tap != null) {
            tap.copy(data);
        }
        PacketReceiver endpoint = in.divertedTo();
        if (endpoint != null) {
            endpoint.receive(data);
        } else if (out.divertedTo() != null) {
            // a PBX media endpoint speaks to that peer now (music on hold): its stream must not carry two sources
            data.release();
        } else {
            out.send(data);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        out.flushIfPending();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // an unconnected UDP socket reports only local faults (e.g. a full send buffer); the stream keeps going
        log.debug("rtp socket error local={} cause={}", ctx.channel().localAddress(), cause.toString());
    }
}
