package org.switchboard.sip.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A SIP response (RFC 3261 §7.2): status code, reason phrase, headers, body. Immutable and
 * shareable between threads. Usually made by {@link SipRequest#createResponse(int)}.
 */
public final class SipResponse implements SipMessage {
    private static final byte[] NO_BODY = new byte[0];

    private final int status;
    private final String reason;
    private final SipHeaders headers;
    private final byte[] body;

    SipResponse(int status, String reason, SipHeaders headers, byte[] body) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.body = body;
    }

    static SipResponse checked(int status, String reason, SipHeaders headers, byte[] body) {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status code out of range: " + status);
        }
        if (reason.indexOf('\r') >= 0 || reason.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("reason phrase may not contain CR or LF");
        }
        return new SipResponse(status, reason, headers, body);
    }

    /** A builder for a response not derived from a request (tests, proxies). */
    public static Builder builder(int status, String reason) {
        return new Builder(status, reason);
    }

    /**
     * A response read from the wire, for the parser: checks status range and the headers every
     * response carries (RFC 3261 §8.2.6.2).
     */
    public static SipResponse fromWire(int status, String reason, List<Header> headers, byte[] body) {
        return fromWire(status, reason, headers.toArray(Header[]::new), body);
    }

    /**
     * As {@link #fromWire(int, String, List, byte[])}, with the headers in an array the response
     * keeps (the caller must not change it afterwards). Essential headers in their common plain
     * form are proven valid without being parsed; their typed forms are built on first use.
     */
    public static SipResponse fromWire(int status, String reason, Header[] headers, byte[] body) {
        if (status < 100 || status > 699) {
            throw new SipParseException("Status code out of range");
        }
        SipResponse r = new SipResponse(status, reason, new SipHeaders(headers), body);
        Essentials.checkReceived(r, null); // a Via among them
        return r;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** 1xx (RFC 3261 §7.2). */
    public boolean isProvisional() {
        return status < 200;
    }

    /** 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** 200 to 699. */
    public boolean isFinal() {
        return status >= 200;
    }

    byte[] rawBody() {
        return body;
    }

    @Override
    public SipHeaders headers() {
        return headers;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int contentLength() {
        return body.length;
    }

    /** A copy whose To carries {@code tag}, unless it already has one (RFC 3261 §8.2.6.2). */
    public SipResponse withToTag(String tag) {
        NameAddress to = to();
        if (to.hasTag()) {
            return this;
        }
        return with(headers.replaced(HeaderName.TO, Header.of(HeaderName.TO, to.withTag(tag).toString())));
    }

    @Override
    public byte[] toBytes() {
        return MessageWriter.toBytes(this);
    }

    @Override
    public void writeTo(ByteBuf out) {
        out.writeBytes(toBytes());
    }

    @Override
    public SipResponse withHeader(String name, String value) {
        return with(headers.appended(SipRequest.checkedHeader(name, value)));
    }

    @Override
    public SipResponse withHeaderReplaced(String name, String value) {
        Header h = SipRequest.checkedHeader(name, value);
        return with(headers.replaced(h.name(), h));
    }

    @Override
    public SipResponse withoutHeader(String name) {
        return with(headers.without(HeaderName.canonical(name)));
    }

    @Override
    public SipResponse withViaPushed(Via via) {
        return with(headers.pushedVia(via));
    }

    @Override
    public SipResponse withViaPopped() {
        return with(headers.poppedVia());
    }

    @Override
    public SipResponse withTopVia(Via via) {
        return with(headers.replacedTopVia(via));
    }

    @Override
    public SipResponse withBody(String contentType, byte[] newBody) {
        SipHeaders h = newBody.length == 0
                ? headers.without(HeaderName.CONTENT_TYPE)
                : headers.replaced(HeaderName.CONTENT_TYPE, Header.of(HeaderName.CONTENT_TYPE, contentType));
        return new SipResponse(status, reason, h, newBody.clone());
    }

    private SipResponse with(SipHeaders h) {
        return new SipResponse(status, reason, h, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipResponse r
                && r.status == status
                && r.reason.equals(reason)
                && r.headers.equals(headers)
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, reason, headers, Arrays.hashCode(body));
    }

    /** The wire form, for logs at TRACE level. */
    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /** Collects the parts of a new response. Not thread-safe: use from one thread. */
    public static final class Builder {
        private final int status;
        private final String reason;
        private final List<Header> headers = new ArrayList<>(8);
        private byte[] body = NO_BODY;

        private Builder(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        /** Appends a header; Content-Length is refused (it is computed). */
        public Builder header(String name, String value) {
            headers.add(SipRequest.checkedHeader(name, value));
            return this;
        }

        public Builder body(String contentType, byte[] bytes) {
            header(HeaderName.CONTENT_TYPE, contentType);
            this.body = bytes.clone();
            return this;
        }

        /**
         * The response.
         *
         * @throws SipParseException when From, To, Call-ID or CSeq is missing or malformed
         */
        public SipResponse build() {
            SipResponse r = checked(status, reason, new SipHeaders(headers.toArray(Header[]::new)), body);
            Essentials.check(r);
            return r;
        }
    }
}
