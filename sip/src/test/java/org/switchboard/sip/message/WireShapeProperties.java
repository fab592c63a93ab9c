package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The recognizers of plain header forms accept only what the full parsers accept: the parser
 * relies on that to leave recognized headers unparsed (a recognized header must never fail on
 * first use). Values are typical ones with bytes replaced, inserted and deleted, so they sit on
 * the edges of the plain forms.
 */
class WireShapeProperties {

    private static final List<String> ADDRESSES = List.of(
            "\"Alice\" <sip:1001@pbx.example.com>;tag=9fxced76sl",
            "<sip:1002@pbx.example.com>",
            "Bob Smith <sips:bob@192.0.2.4:5061;transport=tls>;tag=a-b.c",
            "\"J\u00fcrgen\" <sip:+4930123@h.example;user=phone;lr;x=>",
            "<sip:pbx.example.com:65535;maddr=192.0.2.1>;expires=60;q");
    private static final List<String> URIS = List.of(
            "sip:1002@pbx.example.com", "sips:pbx.example.com:5061", "sip:a.b-c!~*'()%&=+$@192.0.2.1;transport=udp;lr",
            "sip:host;p=[x]/:&+$;q=", "sip:h:65535", "sips:u@h:65535");
    private static final List<String> VIAS = List.of(
            "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---e2b0c5f1d1a2b3c4;rport",
            "SIP/2.0/TCP host.example.com;received=192.0.2.1;rport=5060;branch=z9hG4bK1",
            "SIP/2.0/WSS a:1", "SIP/2.0/UDP a:65535", "SIP/2.0/TLS b:65535;rport");
    private static final List<String> CSEQS = List.of("2 INVITE", "3 REGISTER", "2147483647\tACK", "0 X-ext.1");
    private static final List<String> CALL_IDS = List.of("3848276298220188511@192.0.2.10", "a\u00e9\"<>;,");

    /** Bytes likely to cross a rule of the grammar, and a few beyond ASCII. */
    private static final byte[] EDGES = ";:@<>\"\\,=?[]% \t/.-+09aZ\r\n\u007f".getBytes(StandardCharsets.ISO_8859_1);

    @Property(tries = 3000)
    void aRecognizedAddressParses(@ForAll("addresses") byte[] value) {
        if (WireShape.isNameAddress(value, 0, value.length)) {
            assertThatCode(() -> NameAddress.parse(text(value))).doesNotThrowAnyException();
        }
    }

    @Property(tries = 3000)
    void aRecognizedUriParsesWithoutHeaders(@ForAll("uris") byte[] value) {
        if (WireShape.isSipUri(value, 0, value.length)) {
            assertThat(Uri.parse(text(value))).isInstanceOfSatisfying(SipUri.class, u -> assertThat(u.headers()).isEmpty());
        }
    }

    @Property(tries = 3000)
    void aRecognizedViaParses(@ForAll("vias") byte[] value) {
        if (WireShape.isVia(value, 0, value.length)) {
            assertThat(Via.parseList(text(value))).hasSize(1);
        }
    }

    @Property(tries = 2000)
    void aRecognizedCSeqParsesWithItsMethod(@ForAll("cseqs") byte[] value) {
        if (WireShape.isCSeq(value, 0, value.length, null)) {
            CSeq parsed = CSeq.parse(text(value));
            assertThat(WireShape.isCSeq(value, 0, value.length, parsed.method())).isTrue();
            assertThat(WireShape.isCSeq(value, 0, value.length, SipMethod.of(parsed.method().name() + "X"))).isFalse();
        }
    }

    @Property(tries = 2000)
    void aCallIdIsRecognizedExactlyWhenItIsValid(@ForAll("callIds") byte[] value) {
        boolean valid;
        try {
            Syntax.checkCallId(text(value));
            valid = true;
        } catch (SipParseException e) {
            valid = false;
        }
        assertThat(WireShape.isCallId(value, 0, value.length)).isEqualTo(valid);
    }

    /** The recognizers are useless if they refuse what phones send: the unmutated values all pass. */
    @Test
    void typicalValuesAreRecognized() {
        ADDRESSES.forEach(a -> assertThat(WireShape.isNameAddress(bytes(a), 0, bytes(a).length)).as(a).isTrue());
        URIS.forEach(u -> assertThat(WireShape.isSipUri(bytes(u), 0, bytes(u).length)).as(u).isTrue());
        VIAS.forEach(v -> assertThat(WireShape.isVia(bytes(v), 0, bytes(v).length)).as(v).isTrue());
        CSEQS.forEach(c -> assertThat(WireShape.isCSeq(bytes(c), 0, bytes(c).length, null)).as(c).isTrue());
        assertThat(WireShape.isCSeq(bytes("2 INVITE"), 0, 8, SipMethod.INVITE)).isTrue();
    }

    /** Valid but not plain, or invalid: left to the full parser, which accepts or names the fault. */
    @Test
    void unusualOrBrokenValuesAreLeftToTheFullParser() {
        List<String> notAddresses = List.of("sip:a@b;tag=1", "\"a\\\"b\" <sip:a@b>", "<sip:a@b> ;tag=1", "<sip:a@b>;tag=\"q\"",
                "<sip:a@[::1]>", "<sip:a:pw@b>", "<sip:a@b?subject=x>", "<sip:a@b:65536>", "<tel:+123>", "<sip:a@b");
        notAddresses.forEach(a -> assertThat(WireShape.isNameAddress(bytes(a), 0, bytes(a).length)).as(a).isFalse());
        List<String> notVias = List.of("SIP/2.0/UDP a, SIP/2.0/UDP b", "SIP / 2.0 / UDP a", "SIP/2.0/UDP [::1]:5060",
                "SIP/2.0/UDP a:123456", "SIP/2.0/UDP a;branch=", "SIP/2.0/UDPa");
        notVias.forEach(v -> assertThat(WireShape.isVia(bytes(v), 0, bytes(v).length)).as(v).isFalse());
        List<String> notCSeqs = List.of("2147483648 INVITE", "12345678901 INVITE", "INVITE", "1", "1 INV ITE", " 1 ACK");
        notCSeqs.forEach(c -> assertThat(WireShape.isCSeq(bytes(c), 0, bytes(c).length, null)).as(c).isFalse());
        assertThat(WireShape.isCSeq(bytes("2 INVITE"), 0, 8, SipMethod.ACK)).isFalse();
    }

    @Provide
    Arbitrary<byte[]> addresses() {
        return mutated(ADDRESSES);
    }

    @Provide
    Arbitrary<byte[]> uris() {
        return mutated(URIS);
    }

    @Provide
    Arbitrary<byte[]> vias() {
        return mutated(VIAS);
    }

    @Provide
    Arbitrary<byte[]> cseqs() {
        return mutated(CSEQS);
    }

    @Provide
    Arbitrary<byte[]> callIds() {
        return mutated(CALL_IDS);
    }

    /** A seed with one to four edits: replace, insert or delete one byte, mostly an edge byte. */
    private static Arbitrary<byte[]> mutated(List<String> seeds) {
        Arbitrary<Integer> edgeOrAny = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(toList(EDGES))),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 255)));
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 10_000), edgeOrAny)
                .as((kind, at, value) -> new int[] {kind, at, value});
        return Combinators.combine(Arbitraries.of(seeds), edit.list().ofMinSize(1).ofMaxSize(4))
                .as((seed, edits) -> {
                    byte[] b = bytes(seed);
                    for (int[] e : edits) {
                        b = apply(b, e[0], e[1], (byte) e[2]);
                    }
                    return b;
                });
    }

    private static byte[] apply(byte[] b, int kind, int at, byte value) {
        int i = at % (b.length + 1);
        if (kind == 0 && i < b.length) {
            byte[] out = b.clone();
            out[i] = value;
            return out;
        }
        if (kind == 1 || b.length == 0 || i == b.length) {
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, i);
            out[i] = value;
            System.arraycopy(b, i, out, i + 1, b.length - i);
            return out;
        }
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, i);
        System.arraycopy(b, i + 1, out, i, b.length - i - 1);
        return out;
    }

    private static List<Integer> toList(byte[] b) {
        Integer[] out = new Integer[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return List.of(out);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** As Header decodes a received value. */
    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
