package org.switchboard.sip.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A SIP request (RFC 3261 §7.1): method, Request-URI, headers, body. Immutable and shareable
 * between threads. Build one with {@link #builder(SipMethod, Uri)}; answer it with
 * {@link #createResponse(int)}.
 */
public final class SipRequest implements SipMessage {
    private static final byte[] NO_BODY = new byte[0];

    private final SipMethod method;
    /** Null until first asked for when the parser proved the text a plain SIP URI. */
    private Uri requestUri;
    private final String requestUriText;
    private final SipHeaders headers;
    private final byte[] body;

    SipRequest(SipMethod method, Uri requestUri, String requestUriText, SipHeaders headers, byte[] body) {
        this.method = method;
        this.requestUri = requestUri;
        this.requestUriText = requestUriText;
        this.headers = headers;
        this.body = body;
    }

    /** A builder for a new request; Content-Length is computed, never set. */
    public static Builder builder(SipMethod method, Uri requestUri) {
        return new Builder(method, requestUri);
    }

    /**
     * A request read from the wire, for the parser: checks the headers every request needs (RFC
     * 3261 §8.1.1) and that the CSeq method matches the method. A fault found after the
     * essentials were read is reported with them, so the caller can answer {@code 400}.
     *
     * @param startLineFaultOrNull a fault the parser found in the start line, reported after the
     *     headers were checked so the essentials can go with it; null when the line was fine
     */
    public static SipRequest fromWire(
            SipMethod method, String requestUriText, List<Header> headers, byte[] body,
            SipParseException startLineFaultOrNull) {
        byte[] uri = requestUriText.getBytes(StandardCharsets.UTF_8);
        return fromWire(method, uri, 0, uri.length, headers.toArray(Header[]::new), body, startLineFaultOrNull);
    }

    /**
     * As {@link #fromWire(SipMethod, String, List, byte[], SipParseException)}, with the
     * Request-URI as the bytes {@code raw[uriOffset, uriOffset+uriLength)} and the headers in an
     * array the request keeps (the caller must not change either afterwards). A Request-URI and
     * essential headers in their common plain form are proven valid here without being parsed;
     * their typed forms are built on first use.
     */
    public static SipRequest fromWire(
            SipMethod method, byte[] raw, int uriOffset, int uriLength, Header[] headers, byte[] body,
            SipParseException startLineFaultOrNull) {
        SipHeaders h = new SipHeaders(headers);
        String uriText = new String(raw, uriOffset, uriLength, StandardCharsets.UTF_8);
        try {
            if (startLineFaultOrNull != null) {
                throw startLineFaultOrNull;
            }
            Uri uri = null;
            if (!WireShape.isSipUri(raw, uriOffset, uriOffset + uriLength)) {
                uri = parseRequestUri(uriText);
                if (uri instanceof SipUri s && s.headers().isPresent()) {
                    // RFC 3261 §19.1.5: headers are not allowed in a Request-URI
                    throw new SipParseException("Headers in Request-URI");
                }
            }
            SipRequest r = new SipRequest(method, uri, uriText, h, body);
            Essentials.checkReceived(r, method);
            return r;
        } catch (SipParseException e) {
            RequestEssentials essentials = Essentials.read(method, h);
            throw essentials == null ? e : e.withEssentials(essentials);
        }
    }

    private static Uri parseRequestUri(String text) {
        try {
            return Uri.parse(text);
        } catch (SipParseException e) {
            throw new SipParseException("Bad Request-URI: " + e.reason());
        }
    }

    public SipMethod method() {
        return method;
    }

    public Uri requestUri() {
        Uri u = requestUri;
        if (u == null) {
            // an idempotent cache of an immutable value, like Header's: a race only parses twice
            u = Uri.parse(requestUriText);
            requestUri = u;
        }
        return u;
    }

    String requestUriText() {
        return requestUriText;
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

    /** Whether the To header has no tag: the request is outside a dialog (RFC 3261 §12.2.2). */
    public boolean isInitial() {
        return !to().hasTag();
    }

    /** A response with the default reason phrase for {@code status}; see {@link #createResponse(int, String)}. */
    public SipResponse createResponse(int status) {
        return createResponse(status, ReasonPhrase.of(status));
    }

    /**
     * A response to this request per RFC 3261 §8.2.6.2: the Via lines, From, To, Call-ID and CSeq
     * are copied (sharing their parsed forms). Add a To tag with {@link SipResponse#withToTag}.
     */
    public SipResponse createResponse(int status, String reason) {
        List<Header> copied = new ArrayList<>(8);
        for (Header h : headers.raw()) {
            String n = h.name();
            if (n.equals(HeaderName.VIA)
                    || n.equals(HeaderName.FROM)
                    || n.equals(HeaderName.TO)
                    || n.equals(HeaderName.CALL_ID)
                    || n.equals(HeaderName.CSEQ)) {
                copied.add(h);
            }
        }
        return SipResponse.checked(status, reason, new SipHeaders(copied.toArray(Header[]::new)), NO_BODY);
    }

    /** A copy with another Request-URI (e.g. after a location lookup, RFC 3261 §16.5). */
    public SipRequest withRequestUri(Uri uri) {
        return new SipRequest(method, uri, uri.toString(), headers, body);
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
    public SipRequest withHeader(String name, String value) {
        return with(headers.appended(checkedHeader(name, value)));
    }

    @Override
    public SipRequest withHeaderReplaced(String name, String value) {
        Header h = checkedHeader(name, value);
        return with(headers.replaced(h.name(), h));
    }

    @Override
    public SipRequest withoutHeader(String name) {
        return with(headers.without(HeaderName.canonical(name)));
    }

    @Override
    public SipRequest withViaPushed(Via via) {
        return with(headers.pushedVia(via));
    }

    @Override
    public SipRequest withViaPopped() {
        return with(headers.poppedVia());
    }

    @Override
    public SipRequest withTopVia(Via via) {
        return with(headers.replacedTopVia(via));
    }

    @Override
    public SipRequest withBody(String contentType, byte[] newBody) {
        SipHeaders h = newBody.length == 0
                ? headers.without(HeaderName.CONTENT_TYPE)
                : headers.replaced(HeaderName.CONTENT_TYPE, Header.of(HeaderName.CONTENT_TYPE, contentType));
        return new SipRequest(method, requestUri, requestUriText, h, newBody.clone());
    }

    private SipRequest with(SipHeaders h) {
        return new SipRequest(method, requestUri, requestUriText, h, body);
    }

    static Header checkedHeader(String name, String value) {
        Header h = Header.of(name, value);
        if (h.name().equals(HeaderName.CONTENT_LENGTH)) {
            throw new IllegalArgumentException("Content-Length is derived from the body");
        }
        return h;
    }

    /** Equal when method, Request-URI (as written), headers in order and body are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SipRequest r
                && r.method.equals(method)
                && r.requestUri().equals(requestUri())
                && r.headers.equals(headers)
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, requestUri(), headers, Arrays.hashCode(body));
    }

    /** The wire form, for logs at TRACE level. */
    @Override
    public String toString() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Collects the parts of a new request. Not thread-safe: use from one thread, then share the
     * built request.
     */
    public static final class Builder {
        private final SipMethod method;
        /** Null until first asked for when the parser proved the text a plain SIP URI. */
    private Uri requestUri;
        private final List<Header> headers = new ArrayList<>(12);
        private byte[] body = NO_BODY;

        private Builder(SipMethod method, Uri requestUri) {
            this.method = method;
            this.requestUri = requestUri;
        }

        /** Appends a header; Content-Length is refused (it is computed). */
        public Builder header(String name, String value) {
            headers.add(checkedHeader(name, value));
            return this;
        }

        public Builder via(Via via) {
            return header(HeaderName.VIA, via.toString());
        }

        public Builder from(NameAddress from) {
            return header(HeaderName.FROM, from.toString());
        }

        public Builder to(NameAddress to) {
            return header(HeaderName.TO, to.toString());
        }

        public Builder callId(String callId) {
            return header(HeaderName.CALL_ID, callId);
        }

        /** CSeq with this number and the request's method. */
        public Builder cseq(long number) {
            return header(HeaderName.CSEQ, new CSeq(number, method).toString());
        }

        public Builder maxForwards(int hops) {
            return header(HeaderName.MAX_FORWARDS, Integer.toString(hops));
        }

        public Builder contact(NameAddress contact) {
            return header(HeaderName.CONTACT, contact.toString());
        }

        public Builder route(NameAddress route) {
            return header(HeaderName.ROUTE, route.toString());
        }

        /** Sets the body and its Content-Type. */
        public Builder body(String contentType, byte[] bytes) {
            header(HeaderName.CONTENT_TYPE, contentType);
            this.body = bytes.clone();
            return this;
        }

        /**
         * The request.
         *
         * @throws SipParseException when From, To, Call-ID or CSeq is missing or malformed, or the
         *     CSeq method differs from the request method (RFC 3261 §8.1.1)
         */
        public SipRequest build() {
            SipRequest r = new SipRequest(method, requestUri, requestUri.toString(),
                    new SipHeaders(headers.toArray(Header[]::new)), body);
            Essentials.check(r);
            if (!r.cseq().method().equals(method)) {
                throw new SipParseException("CSeq method does not match request method");
            }
            return r;
        }
    }
}
