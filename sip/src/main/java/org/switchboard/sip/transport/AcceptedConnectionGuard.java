package org.switchboard.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of an accepted TCP or TLS connection: asks the {@link SourceGuard} whether the
 * connection may stay and closes it at once when not (before a TLS handshake costs anything), and
 * gives its place back when it closes. One per connection, run on its event loop.
 */
final class AcceptedConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(AcceptedConnectionGuard.class);

    private final SourceGuard guard;
    private boolean counted;

    AcceptedConnectionGuard(SourceGuard guard) {
        this.guard = guard;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress source = source(ctx);
        if (!guard.tryOpen(source)) {
            log.debug("connection refused remote={}", ctx.channel().remoteAddress());
            ctx.close();
            return; // the handlers behind never learn of it, so it is never reused for sending
        }
        counted = true;
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (counted) {
            counted = false;
            guard.closed(source(ctx));
            super.channelInactive(ctx);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (counted) {
            super.channelRead(ctx, msg);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private static InetAddress source(ChannelHandlerContext ctx) {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }
}
