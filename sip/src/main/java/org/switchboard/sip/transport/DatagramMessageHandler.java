package org.switchboard.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each UDP datagram up as one message with its flow; drops keep-alive datagrams that hold
 * only CR and LF bytes. One per UDP listener, run on its event loop.
 */
final class DatagramMessageHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(DatagramMessageHandler.class);

    private final FrameReceiver receiver;
    private final StackMetrics metrics;

    DatagramMessageHandler(FrameReceiver receiver, StackMetrics metrics) {
        this.receiver = receiver;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        if (isKeepAlive(content)) {
            return;
        }
        byte[] message = new byte[content.readableBytes()];
        content.readBytes(message);
        metrics.messageReceived(Transport.UDP);
        receiver.receive(message, new Flow(Transport.UDP, (InetSocketAddress) ctx.channel().localAddress(),
                packet.sender()));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // An ICMP unreachable or a receiver bug must not close the shared UDP listener.
        log.warn("udp receive error reason={}", cause.toString());
    }

    private static boolean isKeepAlive(ByteBuf content) {
        for (int i = content.readerIndex(); i < content.writerIndex(); i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
