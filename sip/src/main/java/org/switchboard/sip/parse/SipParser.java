package org.switchboard.sip.parse;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.switchboard.sip.message.Header;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

/**
 * Reads one SIP message from bytes (RFC 3261 §7): start line, header fields (folding, compact and
 * any-case names), body cut by Content-Length. It frames the header block in one linear pass
 * without regular expressions, and leaves most header values undecoded until first asked for.
 * Every fault is a {@link SipParseException}. Immutable and stateless: any thread may call it.
 */
public final class SipParser {
    /** RFC 3261 §18.1.1 makes 64 KiB the practical ceiling of a SIP message on any transport. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 65_536;

    public static final int DEFAULT_MAX_HEADERS = 256;

    /** A parser with the default limits. */
    public static final SipParser DEFAULT = new SipParser(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_HEADERS);

    private static final byte[] NO_BODY = new byte[0];
    private static final byte[] SIP_VERSION = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] TOKEN = tokenTable();
    private static final SipMethod[] KNOWN_METHODS = {
        SipMethod.INVITE, SipMethod.ACK, SipMethod.BYE, SipMethod.CANCEL, SipMethod.REGISTER, SipMethod.OPTIONS,
        SipMethod.INFO, SipMethod.PRACK, SipMethod.UPDATE, SipMethod.SUBSCRIBE, SipMethod.NOTIFY, SipMethod.REFER,
        SipMethod.MESSAGE, SipMethod.PUBLISH
    };
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LF_BYTES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final int maxMessageBytes;
    private final int maxHeaders;

    public SipParser(int maxMessageBytes, int maxHeaders) {
        if (maxMessageBytes <= 0 || maxHeaders <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxHeaders = maxHeaders;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    /** Parses a whole datagram or framed message. */
    public SipMessage parse(byte[] data) {
        return parse(data, 0, data.length);
    }

    /**
     * Parses {@code data[offset, offset+length)}. The bytes are copied, so the caller may reuse the
     * array. Bytes after the body that Content-Length announces are ignored (RFC 3261 §18.3).
     */
    public SipMessage parse(byte[] data, int offset, int length) {
        checkSize(length);
        return parseBytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * Parses a whole message whose array the caller hands over: no copy is made, and the message
     * reads its header values from {@code data} later, so the caller must never change it. The
     * receive path uses this: each datagram or frame already arrives in an array of its own.
     */
    public SipMessage parseOwned(byte[] data) {
        checkSize(data.length);
        return parseBytes(data);
    }

    /** Parses the readable bytes of {@code buf} without moving its reader index. */
    public SipMessage parse(ByteBuf buf) {
        checkSize(buf.readableBytes());
        return parseBytes(ByteBufUtil.getBytes(buf));
    }

    private void checkSize(int length) {
        if (length > maxMessageBytes) {
            throw new SipParseException("Message Too Large", 513, null);
        }
    }

    private SipMessage parseBytes(byte[] b) {
        int n = b.length;
        int i = 0;
        // RFC 3261 §7.5: empty lines before the start line are ignored
        while (i < n && (b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        if (i >= n) {
            throw new SipParseException("Empty message");
        }
        int lineEnd = lineEnd(b, i, n);
        int next = afterLineBreak(b, lineEnd, n);
        if (next < 0) {
            throw new SipParseException("Incomplete start line");
        }
        Cursor c = new Cursor(next);
        if (startsWith(b, i, lineEnd, SIP_VERSION) && lineEnd > i + 7 && b[i + 7] == ' ') {
            int status = statusCode(b, i + 8, lineEnd);
            int reasonStart = Math.min(i + 12, lineEnd);
            String reason = new String(b, reasonStart, lineEnd - reasonStart, StandardCharsets.UTF_8);
            int contentLength = readHeaders(b, c);
            if (c.contentLengthFault != null) {
                throw c.contentLengthFault;
            }
            byte[] body = body(b, c.pos, contentLength);
            return SipResponse.fromWire(status, reason, c.headers(), body);
        }
        return request(b, i, lineEnd, c);
    }

    private SipRequest request(byte[] b, int start, int lineEnd, Cursor c) {
        SipParseException fault = null;
        int sp1 = indexOf(b, start, lineEnd, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(b, sp1 + 1, lineEnd, (byte) ' ');
        SipMethod method = SipMethod.OPTIONS;
        int uriStart = start;
        int uriLength = 0;
        if (sp1 <= start || sp2 < 0) {
            fault = new SipParseException("Malformed Request-Line");
        } else {
            method = knownMethod(b, start, sp1);
            if (method == null) {
                try {
                    method = SipMethod.of(new String(b, start, sp1 - start, StandardCharsets.ISO_8859_1));
                } catch (SipParseException e) {
                    method = SipMethod.OPTIONS;
                    fault = e;
                }
            }
            if (sp2 == sp1 + 1) {
                fault = new SipParseException("Malformed Request-Line");
            }
            uriStart = sp1 + 1;
            uriLength = sp2 - sp1 - 1;
            if (fault == null) {
                fault = checkVersion(b, sp2 + 1, lineEnd);
            }
        }
        int contentLength;
        try {
            contentLength = readHeaders(b, c);
        } catch (SipParseException e) {
            throw fault != null ? fault : e;
        }
        byte[] body;
        try {
            if (c.contentLengthFault != null) {
                throw c.contentLengthFault;
            }
            body = body(b, c.pos, contentLength);
        } catch (SipParseException e) {
            body = NO_BODY;
            fault = fault != null ? fault : e;
        }
        return SipRequest.fromWire(method, b, uriStart, uriLength, c.headers(), body, fault);
    }

    /** The well-known method whose name is exactly {@code b[from, to)}, or null: no String needed. */
    private static SipMethod knownMethod(byte[] b, int from, int to) {
        for (SipMethod m : KNOWN_METHODS) {
            String name = m.name();
            if (name.length() == to - from && name.charAt(0) == b[from]) {
                int k = 1;
                while (k < name.length() && name.charAt(k) == b[from + k]) {
                    k++;
                }
                if (k == name.length()) {
                    return m;
                }
            }
        }
        return null;
    }

    /** SIP-Version must be exactly SIP/2.0 (RFC 3261 §7.1); another version earns a 505. */
    private static SipParseException checkVersion(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 7 && startsWithIgnoreCase(b, from, SIP_VERSION)) {
            return null;
        }
        if (len >= 7 && startsWithIgnoreCase(b, from, "SIP/".getBytes(StandardCharsets.US_ASCII))) {
            boolean versionShape = true;
            for (int k = from + 4; k < to; k++) {
                byte x = b[k];
                versionShape &= (x >= '0' && x <= '9') || x == '.';
            }
            if (versionShape) {
                return new SipParseException("Version Not Supported", 505, null);
            }
        }
        return new SipParseException("Malformed Request-Line");
    }

    /** Status-Code = 3DIGIT (RFC 3261 §25.1), followed by SP or the end of the line. */
    private static int statusCode(byte[] b, int from, int lineEnd) {
        if (lineEnd - from < 3) {
            throw new SipParseException("Malformed Status-Line");
        }
        int code = 0;
        for (int k = from; k < from + 3; k++) {
            if (b[k] < '0' || b[k] > '9') {
                throw new SipParseException("Malformed Status-Line");
            }
            code = code * 10 + (b[k] - '0');
        }
        if (from + 3 < lineEnd && b[from + 3] != ' ') {
            throw new SipParseException("Malformed Status-Line");
        }
        return code;
    }

    /** Reads header lines up to the empty line; returns Content-Length, or -1 when absent. */
    private int readHeaders(byte[] b, Cursor c) {
        int n = b.length;
        int i = c.pos;
        int contentLength = -1;
        while (true) {
            if (i >= n) {
                throw new SipParseException("Missing end of headers");
            }
            int lineEnd = lineEnd(b, i, n);
            if (lineEnd == i) {
                int after = afterLineBreak(b, lineEnd, n);
                if (after < 0) {
                    throw new SipParseException("Missing end of headers");
                }
                c.pos = after;
                return contentLength;
            }
            if (b[i] == ' ' || b[i] == '\t') {
                throw new SipParseException("Continuation line without header");
            }
            int nameEnd = i;
            while (nameEnd < lineEnd && isTokenByte(b[nameEnd])) {
                nameEnd++;
            }
            if (nameEnd == i) {
                throw new SipParseException("Malformed header name");
            }
            int k = nameEnd;
            while (k < lineEnd && (b[k] == ' ' || b[k] == '\t')) {
                k++;
            }
            if (k >= lineEnd || b[k] != ':') {
                throw new SipParseException("Malformed header line");
            }
            k++;
            while (k < lineEnd && (b[k] == ' ' || b[k] == '\t')) {
                k++;
            }
            int valueStart = k;
            int valueEnd = trimEnd(b, valueStart, lineEnd);
            int next = afterLineBreak(b, lineEnd, n);
            boolean folded = false;
            // RFC 3261 §7.3.1: a line starting with whitespace continues the previous header
            while (next >= 0 && next < n && (b[next] == ' ' || b[next] == '\t')) {
                folded = true;
                int contEnd = lineEnd(b, next, n);
                int contValueEnd = trimEnd(b, next, contEnd);
                if (contValueEnd > skipWsp(b, next, contEnd)) {
                    valueEnd = contValueEnd;
                }
                next = afterLineBreak(b, contEnd, n);
            }
            if (next < 0) {
                throw new SipParseException("Missing end of headers");
            }
            String name = HeaderName.canonical(b, i, nameEnd - i);
            if (name == null) {
                name = new String(b, i, nameEnd - i, StandardCharsets.ISO_8859_1);
            }
            if (name.equals(HeaderName.CONTENT_LENGTH)) {
                // a bad Content-Length is reported after the other headers are read, so that a
                // request can still be answered with 400
                try {
                    int cl = contentLength(b, valueStart, valueEnd);
                    if (contentLength >= 0 && cl != contentLength) {
                        throw new SipParseException("Conflicting Content-Length");
                    }
                    contentLength = cl;
                } catch (SipParseException e) {
                    c.contentLengthFault = e;
                }
            } else {
                if (c.count >= maxHeaders) {
                    throw new SipParseException("Too many headers");
                }
                c.add(Header.fromWire(name, b, valueStart, Math.max(valueEnd - valueStart, 0), folded));
            }
            i = next;
        }
    }

    private static int contentLength(byte[] b, int from, int to) {
        from = skipWsp(b, from, to);
        if (from >= to) {
            throw new SipParseException("Invalid Content-Length");
        }
        long v = 0;
        for (int k = from; k < to; k++) {
            if (b[k] < '0' || b[k] > '9') {
                throw new SipParseException("Invalid Content-Length");
            }
            v = v * 10 + (b[k] - '0');
            if (v > Integer.MAX_VALUE) {
                throw new SipParseException("Invalid Content-Length");
            }
        }
        return (int) v;
    }

    private static byte[] body(byte[] b, int start, int contentLength) {
        int available = b.length - start;
        if (contentLength < 0) {
            // no Content-Length on a datagram: the body is the rest (RFC 3261 §18.3)
            contentLength = available;
        }
        if (contentLength > available) {
            throw new SipParseException("Content-Length larger than message");
        }
        // most requests (REGISTER, ACK, BYE) have none: share one empty array, which no one can change
        return contentLength == 0 ? NO_BODY : Arrays.copyOfRange(b, start, start + contentLength);
    }

    /** Index of the line's end: its CR of CRLF, or its bare LF, or n. */
    private static int lineEnd(byte[] b, int from, int n) {
        int k = indexOfLf(b, from, n);
        if (k < 0) {
            return n;
        }
        return k > from && b[k - 1] == '\r' ? k - 1 : k;
    }

    /**
     * The first LF at or after {@code from}, or -1. Looks at eight bytes per step (the classic
     * "has zero byte" test on the bytes XOR LF): this scan touches every header byte, so it is
     * the parser's hottest loop.
     */
    private static int indexOfLf(byte[] b, int from, int n) {
        int k = from;
        for (; k + 8 <= n; k += 8) {
            long x = (long) LONGS.get(b, k) ^ LF_BYTES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return k + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; k < n; k++) {
            if (b[k] == '\n') {
                return k;
            }
        }
        return -1;
    }

    /** Index after the line break at {@code lineEnd}, or -1 when the input ends without one. */
    private static int afterLineBreak(byte[] b, int lineEnd, int n) {
        if (lineEnd >= n) {
            return -1;
        }
        if (b[lineEnd] == '\r') {
            return lineEnd + 1 < n && b[lineEnd + 1] == '\n' ? lineEnd + 2 : -1;
        }
        return lineEnd + 1;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private static int skipWsp(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int k = from; k < to; k++) {
            if (b[k] == x) {
                return k;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] b, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[from + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(byte[] b, int from, byte[] prefix) {
        if (b.length - from < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if ((b[from + k] | 0x20) != (prefix[k] | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** token characters (RFC 3261 §25.1). */
    private static boolean isTokenByte(byte x) {
        return TOKEN[x & 0xFF];
    }

    private static boolean[] tokenTable() {
        boolean[] t = new boolean[256];
        for (int c = 0; c < 128; c++) {
            t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-.!%*_+`'~".indexOf(c) >= 0;
        }
        return t;
    }

    /** The read position inside one parse, and the headers read so far. */
    private static final class Cursor {
        int pos;
        SipParseException contentLengthFault;
        Header[] headers = new Header[16];
        int count;

        Cursor(int pos) {
            this.pos = pos;
        }

        void add(Header h) {
            if (count == headers.length) {
                headers = Arrays.copyOf(headers, count * 2);
            }
            headers[count++] = h;
        }

        /** The headers read, in an array of their number (the message keeps it). */
        Header[] headers() {
            return count == headers.length ? headers : Arrays.copyOf(headers, count);
        }
    }
}
