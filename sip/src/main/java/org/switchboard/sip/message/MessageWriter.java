package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes messages in wire form: start line, headers by canonical name, a Content-Length computed
 * from the body, blank line, body. Headers read from the wire and unchanged are copied byte for
 * byte. One instance per message being written, on the calling thread.
 */
final class MessageWriter {
    private static final byte[] VERSION = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);

    private byte[] out;
    private int size;

    private MessageWriter(int capacity) {
        out = new byte[capacity];
    }

    static byte[] toBytes(SipMessage m) {
        MessageWriter w = new MessageWriter(estimate(m));
        w.write(m);
        return w.size == w.out.length ? w.out : Arrays.copyOf(w.out, w.size);
    }

    /** The wire size for ASCII content (exact then, so the array is returned without a copy). */
    private static int estimate(SipMessage m) {
        int n = switch (m) {
            // method SP uri SP "SIP/2.0" CRLF
            case SipRequest r -> r.method().name().length() + r.requestUriText().length() + 11;
            // "SIP/2.0" SP 3DIGIT SP reason CRLF
            case SipResponse r -> r.reason().length() + 14;
        };
        for (Header h : m.headers().raw()) {
            n += h.name().length() + h.valueSizeEstimate() + 4;
        }
        int body = m.contentLength();
        return n + HeaderName.CONTENT_LENGTH.length() + 2 + digitCount(body) + 4 + body;
    }

    private void write(SipMessage m) {
        byte[] body = switch (m) {
            case SipRequest r -> {
                text(r.method().name());
                ascii(' ');
                text(r.requestUriText());
                ascii(' ');
                bytes(VERSION, 0, VERSION.length);
                yield r.rawBody();
            }
            case SipResponse r -> {
                bytes(VERSION, 0, VERSION.length);
                ascii(' ');
                digits(r.status());
                ascii(' ');
                text(r.reason());
                yield r.rawBody();
            }
        };
        crlf();
        for (Header h : m.headers().raw()) {
            text(h.name());
            ascii(':');
            ascii(' ');
            h.writeValue(this);
            crlf();
        }
        text(HeaderName.CONTENT_LENGTH);
        ascii(':');
        ascii(' ');
        digits(body.length);
        crlf();
        crlf();
        bytes(body, 0, body.length);
    }

    /** The number of decimal digits of {@code v >= 0}. */
    private static int digitCount(int v) {
        int n = 1;
        while (v >= 10) {
            v /= 10;
            n++;
        }
        return n;
    }

    /** Writes {@code v >= 0} in decimal without making a String (two per message otherwise). */
    private void digits(int v) {
        int n = digitCount(v);
        ensure(n);
        for (int k = size + n - 1; k >= size; k--) {
            out[k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        size += n;
    }

    private void crlf() {
        ascii('\r');
        ascii('\n');
    }

    private void ascii(char c) {
        ensure(1);
        out[size++] = (byte) c;
    }

    void bytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, out, size, length);
        size += length;
    }

    /** Writes {@code s} as UTF-8; ASCII, the common case, goes byte by byte without an encoder. */
    void text(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                bytes(rest, 0, rest.length);
                return;
            }
            out[size++] = (byte) c;
        }
    }

    private void ensure(int more) {
        if (size + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, size + more));
        }
    }
}
