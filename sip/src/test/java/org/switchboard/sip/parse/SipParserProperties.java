package org.switchboard.sip.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.Parameters;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.Uri;
import org.switchboard.sip.message.Via;

/** Round trip and robustness laws of the parser and serializer (testing.md, "Property tests"). */
class SipParserProperties {

    @Property(tries = 300)
    void generatedRequestsRoundTrip(@ForAll("requests") SipRequest r) {
        byte[] wire = r.toBytes();
        SipMessage back = SipParser.DEFAULT.parse(wire);
        assertThat(back).isEqualTo(r);
        assertThat(back.toBytes()).as("serialization is stable").isEqualTo(wire);
    }

    @Property(tries = 300)
    void generatedResponsesRoundTrip(@ForAll("requests") SipRequest r, @ForAll @IntRange(min = 100, max = 699) int status,
            @ForAll("tokens") String toTag) {
        SipResponse resp = r.createResponse(status).withToTag(toTag).withBody("text/plain", r.body());
        assertThat(SipParser.DEFAULT.parse(resp.toBytes())).isEqualTo(resp);
    }

    @Property(tries = 300)
    void generatedUrisRoundTripAndCompareReflexivelyAndSymmetrically(@ForAll("sipUris") SipUri a, @ForAll("sipUris") SipUri b) {
        assertThat(Uri.parse(a.toString())).isEqualTo(a);
        assertThat(a.isEquivalentTo(a)).isTrue();
        assertThat(a.isEquivalentTo(b)).isEqualTo(b.isEquivalentTo(a));
    }

    @Property(tries = 1000)
    void mutatedMessagesGiveAMessageOrSipParseExceptionOnly(
            @ForAll("requests") SipRequest r,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 1_000_000) Integer> positions,
            @ForAll @Size(min = 8, max = 8) List<@IntRange(min = 0, max = 255) Integer> bytes,
            @ForAll @IntRange(min = 0, max = 2) int kind) {
        byte[] wire = r.toBytes();
        byte[] mutated = switch (kind) {
            case 0 -> overwrite(wire, positions, bytes);
            case 1 -> Arrays.copyOf(wire, positions.get(0) % wire.length);
            default -> delete(wire, positions);
        };
        exerciseEverything(mutated);
    }

    @Property(tries = 500)
    void arbitraryBytesGiveAMessageOrSipParseExceptionOnly(@ForAll @Size(max = 600) byte[] junk) {
        exerciseEverything(junk);
    }

    @Property(tries = 200)
    void sipShapedNoiseGivesAMessageOrSipParseExceptionOnly(@ForAll("sipNoise") String text) {
        exerciseEverything(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses, then touches every typed accessor and serializes: only SipParseException may escape,
     * and not even that from the essentials of a message the parser accepted.
     */
    private static void exerciseEverything(byte[] input) {
        SipMessage m;
        try {
            m = SipParser.DEFAULT.parse(input);
        } catch (SipParseException expected) {
            return;
        }
        // the parser proved these valid (some without parsing them): they must never throw now
        m.vias();
        m.topVia();
        m.from();
        m.to();
        m.callId();
        m.cseq();
        if (m instanceof SipRequest r) {
            r.requestUri();
            assertThat(r.cseq().method()).isEqualTo(r.method());
        }
        List<Runnable> reads = List.of(m::vias, m::topVia, m::from, m::to, m::callId, m::cseq, m::contacts, m::routes,
                m::recordRoutes, m::pAssertedIdentities, m::maxForwards, m::expires, m::contentType, m::event,
                m::replaces, m::referTo, m::allow, m::supported, m::require, m::userAgent, m::isWildcardContact);
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (SipParseException expected) {
                // a malformed optional header is a typed fault on access
            }
        }
        assertThat(SipParser.DEFAULT.parse(m.toBytes())).isEqualTo(m);
    }

    private static byte[] overwrite(byte[] wire, List<Integer> positions, List<Integer> bytes) {
        byte[] out = wire.clone();
        for (int i = 0; i < positions.size(); i++) {
            out[positions.get(i) % out.length] = (byte) (int) bytes.get(i % bytes.size());
        }
        return out;
    }

    private static byte[] delete(byte[] wire, List<Integer> positions) {
        int at = positions.get(0) % wire.length;
        int len = Math.min(wire.length - at, 1 + positions.get(positions.size() - 1) % 40);
        byte[] out = new byte[wire.length - len];
        System.arraycopy(wire, 0, out, 0, at);
        System.arraycopy(wire, at + len, out, at, wire.length - at - len);
        return out;
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("abcXYZ019-.!%*_+`'~").ofMinLength(1).ofMaxLength(12);
    }

    private Arbitrary<String> hosts() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcdexyz").ofMinLength(1).ofMaxLength(8)
                .list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> v4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(l -> l.get(0) + "." + l.get(1) + "." + l.get(2) + "." + l.get(3));
        Arbitrary<String> v6 = Arbitraries.of("[2001:db8::1]", "[::1]", "[fe80::a:b:c]");
        return Arbitraries.oneOf(names, v4, v6);
    }

    private Arbitrary<Parameters> uriParams() {
        Arbitrary<String> names = Arbitraries.of("transport", "lr", "maddr", "user", "ttl", "method", "x-a", "ob");
        Arbitrary<String> values = Arbitraries.strings().withChars("abcTCPudp0123-%").ofMinLength(1).ofMaxLength(6);
        return Combinators.combine(names, values.injectNull(0.3)).as((n, v) -> new String[] {n, v})
                .list().ofMaxSize(3)
                .map(l -> {
                    Parameters p = Parameters.EMPTY;
                    for (String[] nv : l) {
                        p = nv[1] == null ? p.with(nv[0]) : p.with(nv[0], nv[1]);
                    }
                    return p;
                });
    }

    @Provide
    Arbitrary<SipUri> sipUris() {
        Arbitrary<String> users = Arbitraries.strings().withChars("abcXYZ09-_.!~*'()&=+$,;?/%").ofMinLength(1).ofMaxLength(10);
        return Combinators.combine(Arbitraries.of(false, true), users.injectNull(0.3), hosts(),
                        Arbitraries.integers().between(1, 65535).injectNull(0.5), uriParams())
                .as((secure, user, host, port, params) -> {
                    SipUri u = SipUri.ofHost(host).withParameters(params);
                    if (user != null) {
                        u = u.withUser(user);
                    }
                    if (port != null) {
                        u = u.withPort(port);
                    }
                    return secure ? SipUri.parse("sips" + u.toString().substring(3)) : u;
                });
    }

    private Arbitrary<NameAddress> addresses() {
        Arbitrary<String> display = Arbitraries.strings().withChars("Ab c\"\\,;<>é").ofMaxLength(10).injectNull(0.4);
        return Combinators.combine(display, sipUris(), tokens().injectNull(0.5))
                .as((d, u, tag) -> {
                    NameAddress a = NameAddress.of(u);
                    if (d != null) {
                        a = new NameAddress(java.util.Optional.of(d), u, Parameters.EMPTY);
                    }
                    return tag == null ? a : a.withTag(tag);
                });
    }

    private Arbitrary<Via> vias() {
        return Combinators.combine(Arbitraries.of("UDP", "TCP", "TLS", "WS"), hosts(),
                        Arbitraries.integers().between(1, 65535).injectNull(0.5), tokens(), Arbitraries.of(true, false))
                .as((t, h, p, branch, rport) -> {
                    Via v = Via.of(t, h, p == null ? OptionalInt.empty() : OptionalInt.of(p), "z9hG4bK" + branch);
                    return rport ? v.withParameters(v.parameters().with("rport")) : v;
                });
    }

    private Arbitrary<String[]> extraHeaders() {
        Arbitrary<String> names = Arbitraries.of("Subject", "X-Custom", "User-Agent", "Supported", "Allow", "Expires",
                "Max-Forwards", "P-Asserted-Identity", "Record-Route", "Route", "Event", "Accept");
        Arbitrary<String> values = Arbitraries.strings().withChars("abc XYZ019,;=<>\"@:/.é大").ofMaxLength(30);
        return Combinators.combine(names, values).as((n, v) -> new String[] {n, v});
    }

    @Provide
    Arbitrary<SipRequest> requests() {
        Arbitrary<SipMethod> methods = Arbitraries.oneOf(
                Arbitraries.of(SipMethod.INVITE, SipMethod.REGISTER, SipMethod.BYE, SipMethod.OPTIONS, SipMethod.ACK),
                tokens().map(SipMethod::of));
        return Combinators.combine(methods, sipUris(), vias().list().ofMinSize(1).ofMaxSize(3), addresses(), addresses(),
                        Combinators.combine(tokens(), Arbitraries.longs().between(0, (1L << 31) - 1))
                                .as((id, n) -> new Object[] {id, n}),
                        extraHeaders().list().ofMaxSize(5), Arbitraries.bytes().array(byte[].class).ofMaxSize(200))
                .as((method, uri, vias, from, to, idAndCseq, extras, body) -> {
                    String callId = (String) idAndCseq[0];
                    long cseq = (Long) idAndCseq[1];
                    SipRequest.Builder b = SipRequest.builder(method, uri);
                    for (Via v : vias) {
                        b.via(v);
                    }
                    b.from(from).to(to).callId(callId).cseq(cseq);
                    for (String[] h : extras) {
                        b.header(h[0], h[1]);
                    }
                    if (body.length > 0) {
                        b.body("application/octet-stream", body);
                    }
                    return b.build();
                });
    }

    @Provide
    Arbitrary<String> sipNoise() {
        Arbitrary<String> pieces = Arbitraries.of("INVITE ", "SIP/2.0", " ", "\r\n", "\n", ":", ";", ",", "<", ">", "\"", "\\",
                "sip:", "sips:", "tel:", "@", "[", "]", "Via: ", "v:", "From:", "To:", "Call-ID:", "CSeq: 1 INVITE",
                "Content-Length: ", "l: 5", "tag=", "branch=", "=", "%", "%00", "0", "999999999999", "\t", "a", "é");
        return pieces.list().ofMaxSize(80).map(l -> String.join("", l));
    }
}
