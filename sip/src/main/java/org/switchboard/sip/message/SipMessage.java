package org.switchboard.sip.message;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A SIP request or response (RFC 3261 §7): start line, header fields and body. Immutable and safe
 * to share between threads; the {@code with...} methods return changed copies that share the
 * unchanged headers (and their already parsed forms).
 *
 * <p>Typed accessors parse their header on first use and throw {@link SipParseException} when it is
 * malformed. A message from {@code SipParser} has already had Via, From, To, Call-ID and CSeq
 * checked, so those never throw on a parsed message.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    SipHeaders headers();

    /** A copy of the body bytes (empty array when there is no body). */
    byte[] body();

    /** The body length; the Content-Length written on the wire. */
    int contentLength();

    /** The body decoded as UTF-8. */
    default String bodyAsString() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Every Via value, topmost first, across all Via lines. */
    default List<Via> vias() {
        List<Header> lines = headers().named(HeaderName.VIA);
        if (lines.size() == 1) {
            return lines.get(0).typed(Via::parseList);
        }
        List<Via> out = new ArrayList<>(lines.size());
        for (Header h : lines) {
            out.addAll(h.typed(Via::parseList));
        }
        return out;
    }

    /** The topmost Via: the one this hop's transaction is keyed on (RFC 3261 §17.2.3). */
    default Optional<Via> topVia() {
        int i = headers().indexOfConstant(HeaderName.VIA, 0);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(headers().raw()[i].typed(Via::parseList).get(0));
    }

    default NameAddress from() {
        return required(HeaderName.FROM).typed(NameAddress::parse);
    }

    default NameAddress to() {
        return required(HeaderName.TO).typed(NameAddress::parse);
    }

    /** The Call-ID (RFC 3261 §20.8): compared byte for byte. */
    default String callId() {
        return required(HeaderName.CALL_ID).typed(Syntax::checkCallId);
    }

    default CSeq cseq() {
        return required(HeaderName.CSEQ).typed(CSeq::parse);
    }

    /** Whether the message has {@code Contact: *} (RFC 3261 §10.2.2, remove all bindings). */
    default boolean isWildcardContact() {
        for (String v : headers().values(HeaderName.CONTACT)) {
            if (v.equals("*")) {
                return true;
            }
        }
        return false;
    }

    /** The Contact addresses in order; a {@code *} is reported by {@link #isWildcardContact()} instead. */
    default List<NameAddress> contacts() {
        if (isWildcardContact()) {
            return List.of();
        }
        return addressList(HeaderName.CONTACT);
    }

    default List<NameAddress> routes() {
        return addressList(HeaderName.ROUTE);
    }

    default List<NameAddress> recordRoutes() {
        return addressList(HeaderName.RECORD_ROUTE);
    }

    default List<NameAddress> pAssertedIdentities() {
        return addressList(HeaderName.P_ASSERTED_IDENTITY);
    }

    /** Max-Forwards (RFC 3261 §20.22), 0 to 255. */
    default OptionalInt maxForwards() {
        Optional<Header> h = headers().single(HeaderName.MAX_FORWARDS);
        return h.isEmpty()
                ? OptionalInt.empty()
                : OptionalInt.of(h.get().typed(v -> (int) Syntax.parseUnsigned(v, 255, "Max-Forwards")));
    }

    /** Expires in seconds (RFC 3261 §20.19), at most 2^32-1. */
    default OptionalLong expires() {
        Optional<Header> h = headers().single(HeaderName.EXPIRES);
        return h.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(h.get().typed(v -> Syntax.parseUnsigned(v, 0xFFFF_FFFFL, "Expires")));
    }

    default Optional<ParameterizedValue> contentType() {
        return headers().single(HeaderName.CONTENT_TYPE).map(h -> h.typed(ParameterizedValue::parse));
    }

    default Optional<ParameterizedValue> event() {
        return headers().single(HeaderName.EVENT).map(h -> h.typed(ParameterizedValue::parse));
    }

    /** Replaces (RFC 3891): the Call-ID as value, {@code to-tag} and {@code from-tag} as parameters. */
    default Optional<ParameterizedValue> replaces() {
        return headers().single(HeaderName.REPLACES).map(h -> h.typed(ParameterizedValue::parse));
    }

    default Optional<NameAddress> referTo() {
        return headers().single(HeaderName.REFER_TO).map(h -> h.typed(NameAddress::parse));
    }

    default Optional<String> userAgent() {
        return headers().first(HeaderName.USER_AGENT);
    }

    /** The methods in Allow, in order. */
    default List<String> allow() {
        return tokens(HeaderName.ALLOW);
    }

    /** The option tags in Supported (RFC 3261 §20.37). */
    default List<String> supported() {
        return tokens(HeaderName.SUPPORTED);
    }

    /** The option tags in Require (RFC 3261 §20.32). */
    default List<String> require() {
        return tokens(HeaderName.REQUIRE);
    }

    /** The serialized message; Content-Length is always written and always matches the body. */
    byte[] toBytes();

    /** Writes the serialized message to {@code out}. */
    void writeTo(ByteBuf out);

    SipMessage withHeader(String name, String value);

    SipMessage withHeaderReplaced(String name, String value);

    SipMessage withoutHeader(String name);

    /** A copy with {@code via} as the new topmost Via (RFC 3261 §16.6 step 8). */
    SipMessage withViaPushed(Via via);

    /** A copy without the topmost Via value (RFC 3261 §16.7 step 3). */
    SipMessage withViaPopped();

    /** A copy whose topmost Via is {@code via}, e.g. with received/rport added (RFC 3581 §4). */
    SipMessage withTopVia(Via via);

    /** A copy with this body and Content-Type; an empty body removes Content-Type. */
    SipMessage withBody(String contentType, byte[] body);

    private Header required(String canonical) {
        return headers().single(canonical).orElseThrow(() -> new SipParseException("Missing " + canonical));
    }

    private List<NameAddress> addressList(String canonical) {
        List<Header> lines = headers().named(canonical);
        if (lines.isEmpty()) {
            return List.of();
        }
        if (lines.size() == 1) {
            return lines.get(0).typed(NameAddress::parseList);
        }
        List<NameAddress> out = new ArrayList<>();
        for (Header h : lines) {
            out.addAll(h.typed(NameAddress::parseList));
        }
        return out;
    }

    private List<String> tokens(String canonical) {
        List<String> out = new ArrayList<>();
        for (String v : headers().values(canonical)) {
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return out;
    }
}
