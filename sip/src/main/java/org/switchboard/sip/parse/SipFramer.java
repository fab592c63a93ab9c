package org.switchboard.sip.parse;

import io.netty.buffer.ByteBuf;
import java.util.Optional;
import org.switchboard.sip.message.SipParseException;

/**
 * Cuts a TCP/TLS byte stream into SIP messages by Content-Length (RFC 3261 §18.3) and recognises
 * CRLF keep-alives between messages (RFC 5626 §4.4.1). It remembers how far it has scanned, so
 * data arriving a few bytes at a time is still read in linear time. One instance per connection,
 * used only by that connection's event loop.
 *
 * <p>A stream that breaks the size limit or has an unreadable Content-Length cannot be resynchronised:
 * {@link #next(ByteBuf)} throws {@link SipParseException} and the caller should close the
 * connection.
 */
public final class SipFramer {
    private final int maxMessageBytes;
    /** Bytes of the current message already scanned without finding the end of its headers. */
    private int scanned;

    public SipFramer(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    public SipFramer() {
        this(SipParser.DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * Takes the next frame from the readable bytes of {@code in}, advancing its reader index past
     * it; empty (and {@code in} untouched) when more bytes are needed.
     *
     * @throws SipParseException when the message exceeds the size limit or its Content-Length is
     *     invalid
     */
    public Optional<Frame> next(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        if (scanned == 0 && end - start >= 2 && in.getByte(start) == '\r' && in.getByte(start + 1) == '\n') {
            if (end - start >= 4 && in.getByte(start + 2) == '\r' && in.getByte(start + 3) == '\n') {
                in.skipBytes(4);
                return Optional.of(new Frame.Ping());
            }
            if (end - start == 3 && in.getByte(start + 2) == '\r') {
                // maybe the first half of a ping: wait for the next byte
                return Optional.empty();
            }
            // a lone CRLF, or one followed by anything but the rest of a ping: a pong
            in.skipBytes(2);
            return Optional.of(new Frame.Pong());
        }
        int headerEnd = findHeaderEnd(in, start, end);
        if (headerEnd < 0) {
            if (end - start > maxMessageBytes) {
                throw new SipParseException("Message Too Large", 513, null);
            }
            return Optional.empty();
        }
        int contentLength = contentLength(in, start, headerEnd);
        long total = (long) headerEnd - start + contentLength;
        if (total > maxMessageBytes) {
            throw new SipParseException("Message Too Large", 513, null);
        }
        if (end - start < total) {
            return Optional.empty();
        }
        byte[] bytes = new byte[(int) total];
        in.readBytes(bytes);
        scanned = 0;
        return Optional.of(new Frame.Message(bytes));
    }

    /**
     * Index just after the empty line ending the header block (CRLF CRLF, or LF LF from a sloppy
     * sender), or -1; resumes where the last call stopped.
     */
    private int findHeaderEnd(ByteBuf in, int start, int end) {
        int from = Math.max(start, start + scanned - 3);
        for (int k = from; k + 1 < end; k++) {
            if (in.getByte(k) != '\n') {
                continue;
            }
            byte next = in.getByte(k + 1);
            if (next == '\n') {
                return k + 2;
            }
            if (next == '\r' && k + 2 < end && in.getByte(k + 2) == '\n') {
                return k + 3;
            }
        }
        scanned = end - start;
        return -1;
    }

    /**
     * Finds Content-Length (or its compact form {@code l}) in the header block. RFC 3261 §18.3
     * requires it on streams; when it is missing the message is taken to have no body, which is
     * what the sender almost certainly meant.
     */
    private static int contentLength(ByteBuf in, int start, int headerEnd) {
        int lineStart = start;
        int value = 0;
        for (int k = start; k < headerEnd; k++) {
            if (in.getByte(k) != '\n') {
                continue;
            }
            int lineEnd = k;
            int v = lengthIfContentLength(in, lineStart, lineEnd);
            if (v >= 0) {
                value = v;
            }
            lineStart = k + 1;
        }
        return value;
    }

    private static int lengthIfContentLength(ByteBuf in, int from, int to) {
        int colon = -1;
        for (int k = from; k < to; k++) {
            if (in.getByte(k) == ':') {
                colon = k;
                break;
            }
        }
        if (colon < 0) {
            return -1;
        }
        int nameEnd = colon;
        while (nameEnd > from && (in.getByte(nameEnd - 1) == ' ' || in.getByte(nameEnd - 1) == '\t')) {
            nameEnd--;
        }
        int len = nameEnd - from;
        boolean isCl = (len == 1 && (in.getByte(from) | 0x20) == 'l')
                || (len == 14 && equalsIgnoreCase(in, from, "content-length"));
        if (!isCl) {
            return -1;
        }
        long v = 0;
        boolean digits = false;
        for (int k = colon + 1; k < to; k++) {
            byte x = in.getByte(k);
            if (x >= '0' && x <= '9') {
                v = v * 10 + (x - '0');
                digits = true;
                if (v > Integer.MAX_VALUE) {
                    throw new SipParseException("Invalid Content-Length");
                }
            } else if (x != ' ' && x != '\t' && x != '\r') {
                throw new SipParseException("Invalid Content-Length");
            }
        }
        if (!digits) {
            throw new SipParseException("Invalid Content-Length");
        }
        return (int) v;
    }

    private static boolean equalsIgnoreCase(ByteBuf in, int from, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((in.getByte(from + k) | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
