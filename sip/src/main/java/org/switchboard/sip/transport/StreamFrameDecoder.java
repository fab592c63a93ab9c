package org.switchboard.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Optional;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.parse.Frame;
import org.switchboard.sip.parse.SipFramer;
import org.switchboard.sip.parse.SipParser;

/**
 * Netty adapter for {@link SipFramer} on a TCP or TLS connection: emits one {@code byte[]} per
 * message and answers RFC 5626 §4.4.1 keep-alive pings (a double CRLF) with a pong (a single
 * CRLF). A message that cannot be framed is answered 400 or 513 when its headers can be read, and
 * the connection is then closed. One instance per connection, run on that connection's event loop.
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
            answerBeforeClosing(ctx, in, e);
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /**
     * Answers the request whose framing failed with 400 (bad Content-Length) or 513 (too large)
     * when its header block arrived whole and holds a Via (RFC 4475 §3.1.2.3: an error answer,
     * then the connection is closed). The answer goes on this connection, written before the
     * caller closes it.
     */
    private static void answerBeforeClosing(ChannelHandlerContext ctx, ByteBuf in, SipParseException fault) {
        int headerEnd = headerEnd(in);
        if (headerEnd < 0) {
            return;
        }
        byte[] head = new byte[headerEnd - in.readerIndex()];
        in.getBytes(in.readerIndex(), head);
        Optional<SipResponse> answer;
        try {
            answer = SipParser.DEFAULT.parse(head) instanceof SipRequest request
                            && !request.method().equals(SipMethod.ACK)
                    ? Optional.of(request.createResponse(fault.status(), fault.reason()))
                    : Optional.empty();
        } catch (SipParseException unparseable) {
            answer = unparseable.essentials().filter(e -> !e.method().equals(SipMethod.ACK))
                    .map(e -> e.respond(fault.status(), fault.reason()));
        }
        answer.ifPresent(response -> ctx.writeAndFlush(Unpooled.wrappedBuffer(response.toBytes())));
    }

    /** The index just after the first CRLF CRLF among the readable bytes, or -1. */
    private static int headerEnd(ByteBuf in) {
        for (int k = in.readerIndex(); k + 3 < in.writerIndex(); k++) {
            if (in.getByte(k) == '\r' && in.getByte(k + 1) == '\n' && in.getByte(k + 2) == '\r'
                    && in.getByte(k + 3) == '\n') {
                return k + 4;
            }
        }
        return -1;
    }
}
