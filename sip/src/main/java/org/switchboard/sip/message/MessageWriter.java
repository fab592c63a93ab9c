package org.switchboard.sip.message;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Writes messages in wire form: start line, headers by canonical name, a Content-Length computed
 * from the body, blank line, body. Headers read from the wire and unchanged are copied byte for
 * byte. Stateless; any thread may call it.
 */
final class MessageWriter {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON_SP = {':', ' '};
    private static final byte[] VERSION = {'S', 'I', 'P', '/', '2', '.', '0'};

    private MessageWriter() {}

    static byte[] toBytes(SipMessage m) {
        ByteBuf buf = Unpooled.buffer(estimate(m));
        try {
            write(m, buf);
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    private static int estimate(SipMessage m) {
        return 64 + m.headers().size() * 64 + m.contentLength();
    }

    static void write(SipMessage m, ByteBuf out) {
        switch (m) {
            case SipRequest r -> {
                ByteBufUtil.writeUtf8(out, r.method().name());
                out.writeByte(' ');
                ByteBufUtil.writeUtf8(out, r.requestUriText());
                out.writeByte(' ');
                out.writeBytes(VERSION);
            }
            case SipResponse r -> {
                out.writeBytes(VERSION);
                out.writeByte(' ');
                ByteBufUtil.writeAscii(out, Integer.toString(r.status()));
                out.writeByte(' ');
                ByteBufUtil.writeUtf8(out, r.reason());
            }
        }
        out.writeBytes(CRLF);
        for (Header h : m.headers().raw()) {
            ByteBufUtil.writeUtf8(out, h.name());
            out.writeBytes(COLON_SP);
            h.writeValue(out);
            out.writeBytes(CRLF);
        }
        ByteBufUtil.writeAscii(out, HeaderName.CONTENT_LENGTH);
        out.writeBytes(COLON_SP);
        ByteBufUtil.writeAscii(out, Integer.toString(m.contentLength()));
        out.writeBytes(CRLF);
        out.writeBytes(CRLF);
        out.writeBytes(switch (m) {
            case SipRequest r -> r.rawBody();
            case SipResponse r -> r.rawBody();
        });
    }
}
