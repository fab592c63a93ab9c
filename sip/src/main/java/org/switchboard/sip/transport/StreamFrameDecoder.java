package org.switchboard.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts a TCP or TLS byte stream into SIP messages by Content-Length (RFC 3261 §18.3) and answers
 * RFC 5626 §3.5.1 keep-alive pings (a double CRLF) with a pong (a single CRLF). Emits one
 * {@code byte[]} per message. One instance per connection, run on that connection's event loop.
 */
final class StreamFrameDecoder extends ByteToMessageDecoder {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] PONG = {CR, LF};

    private final int maxMessageBytes;
    private boolean failed;

    StreamFrameDecoder(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes()); // the connection is closing; report the fault once
            return;
        }
        try {
            decodeMessages(ctx, in, out);
        } catch (FramingException | TooLongFrameException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void decodeMessages(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            if (consumeKeepAlive(ctx, in)) {
                continue;
            }
            if (in.getByte(in.readerIndex()) == CR || in.getByte(in.readerIndex()) == LF) {
                return; // a partial CRLF: wait to see whether it is a ping or a lone CRLF
            }
            int headerEnd = indexOfBlankLine(in);
            if (headerEnd < 0) {
                if (in.readableBytes() > maxMessageBytes) {
                    throw new TooLongFrameException("header block exceeds " + maxMessageBytes + " bytes");
                }
                return;
            }
            int bodyStart = headerEnd + 4;
            int headerLength = bodyStart - in.readerIndex();
            int contentLength = contentLength(in.toString(in.readerIndex(), headerLength, StandardCharsets.ISO_8859_1));
            long total = (long) headerLength + contentLength;
            if (total > maxMessageBytes) {
                throw new TooLongFrameException("message of " + total + " bytes exceeds " + maxMessageBytes);
            }
            if (in.readableBytes() < total) {
                return;
            }
            byte[] message = new byte[(int) total];
            in.readBytes(message);
            out.add(message);
        }
    }

    /** Consumes a ping (answering it) or a lone CRLF (a pong, or RFC 3261 §7.5 leading CRLF). */
    private static boolean consumeKeepAlive(ChannelHandlerContext ctx, ByteBuf in) {
        int r = in.readerIndex();
        if (in.readableBytes() >= 4 && in.getByte(r) == CR && in.getByte(r + 1) == LF
                && in.getByte(r + 2) == CR && in.getByte(r + 3) == LF) {
            in.skipBytes(4);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            return true;
        }
        if (in.readableBytes() >= 3 && in.getByte(r) == CR && in.getByte(r + 1) == LF && in.getByte(r + 2) != CR) {
            in.skipBytes(2);
            return true;
        }
        return false;
    }

    private static int indexOfBlankLine(ByteBuf in) {
        int end = in.writerIndex() - 3;
        for (int i = in.readerIndex(); i < end; i++) {
            if (in.getByte(i) == CR && in.getByte(i + 1) == LF && in.getByte(i + 2) == CR && in.getByte(i + 3) == LF) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Reads Content-Length (or its compact form {@code l}) from a header block. RFC 3261 §18.3
     * makes it mandatory on streams; a message without one is taken to have no body, so the parser
     * above can still answer it.
     */
    static int contentLength(String headerBlock) {
        for (String line : headerBlock.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("l")) {
                String value = line.substring(colon + 1).strip();
                try {
                    int length = Integer.parseInt(value);
                    if (length < 0) {
                        throw new FramingException("negative Content-Length " + value);
                    }
                    return length;
                } catch (NumberFormatException e) {
                    throw new FramingException("unreadable Content-Length " + value);
                }
            }
        }
        return 0;
    }
}
