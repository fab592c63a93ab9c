package org.switchboard.sip.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.SipParseException;

/**
 * Last handler of a TCP or TLS connection: registers the connection for reuse, passes each framed
 * message up with its flow, closes idle or unframeable connections. One per connection, run on
 * its event loop.
 */
final class StreamMessageHandler extends SimpleChannelInboundHandler<byte[]> {
    private static final Logger log = LoggerFactory.getLogger(StreamMessageHandler.class);

    private final Transport transport;
    private final ConnectionTable connections;
    private final FrameReceiver receiver;
    private final StackMetrics metrics;
    private final InputFaultLog faults;

    StreamMessageHandler(Transport transport, ConnectionTable connections, FrameReceiver receiver,
            StackMetrics metrics, InputFaultLog faults) {
        this.faults = faults;
        this.transport = transport;
        this.connections = connections;
        this.receiver = receiver;
        this.metrics = metrics;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        connections.add(transport, remote(ctx), ctx.channel());
        log.debug("connection open transport={} remote={}", transport, remote(ctx));
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connections.remove(transport, remote(ctx), ctx.channel());
        log.debug("connection closed transport={} remote={}", transport, remote(ctx));
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] message) {
        metrics.messageReceived(transport);
        receiver.receive(message, new Flow(transport, (InetSocketAddress) ctx.channel().localAddress(), remote(ctx)));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            log.debug("connection idle, closing transport={} remote={}", transport, remote(ctx));
            ctx.close();
            return;
        }
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            log.warn("tls handshake failed remote={} reason={}", remote(ctx), handshake.cause().getMessage());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An edge: nothing after an unframeable byte can be trusted, so the connection goes.
        if (cause instanceof DecoderException) {
            metrics.parseFailure(transport, InputFault.UNFRAMEABLE_STREAM);
            String reason = cause.getCause() instanceof SipParseException e ? e.reason() : "Unframeable stream";
            faults.record(reason, transport, remote(ctx).getAddress(), "connection closed");
        } else {
            log.debug("connection error transport={} remote={} reason={}", transport, remote(ctx), cause.toString());
        }
        ctx.close();
    }

    private static InetSocketAddress remote(ChannelHandlerContext ctx) {
        return (InetSocketAddress) ctx.channel().remoteAddress();
    }
}
