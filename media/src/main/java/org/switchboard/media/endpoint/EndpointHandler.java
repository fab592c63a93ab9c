package org.switchboard.media.endpoint;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path of an endpoint's sockets: RTP datagrams go to the endpoint, everything on the RTCP socket is
 * dropped (the PBX reads no RTCP reports from the peers it terminates; the socket exists so the port pair is whole
 * and the peer's reports do not bounce as ICMP errors).
 *
 * <p>Runs on the endpoint's {@code rtp-io-} event loop.
 */
final class EndpointHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(EndpointHandler.class);
    /** Discards what arrives on an endpoint's RTCP socket. */
    static final ChannelHandler RTCP = new Discard();

    private final MediaEndpoint endpoint;

    EndpointHandler(MediaEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof DatagramPacket packet) {
            endpoint.receive(packet.sender(), packet.content());
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("endpoint socket error local={} cause={}", ctx.channel().localAddress(), cause.toString());
    }

    @ChannelHandler.Sharable
    private static final class Discard extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("endpoint rtcp socket error local={} cause={}", ctx.channel().localAddress(), cause.toString());
        }
    }
}
