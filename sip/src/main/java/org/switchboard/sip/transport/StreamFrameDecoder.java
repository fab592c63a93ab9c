package org.switchboard.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.parse.Frame;
import org.switchboard.sip.parse.SipFramer;

/**
 * Netty adapter for {@link SipFramer} on a TCP or TLS connection: emits one {@code byte[]} per
 * message and answers RFC 5626 §4.4.1 keep-alive pings (a double CRLF) with a pong (a single
 * CRLF). One instance per connection, run on that connection's event loop.
 */
final class StreamFrameDecoder extends ByteToMessageDecoder {
    private static final byte[] PONG = {'\r', '\n'};

    private final SipFramer framer;
    private boolean failed;

    StreamFrameDecoder(int maxMessageBytes) {
        this.framer = new SipFramer(maxMessageBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes()); // the connection is closing; report the fault once
            return;
        }
        try {
            for (Optional<Frame> frame = framer.next(in); frame.isPresent(); frame = framer.next(in)) {
                switch (frame.get()) {
                    case Frame.Message message -> out.add(message.bytes());
                    case Frame.Ping ping -> ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
                    case Frame.Pong pong -> { } // the answer to a ping of ours: the flow is alive
                }
            }
        } catch (SipParseException e) {
            // The stream cannot be resynchronised after a bad Content-Length or an oversize message.
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }
}
