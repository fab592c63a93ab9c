package org.switchboard.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.sip.parse.SipParser;

class HeaderFormsTest {

    private static final String BASE = "OPTIONS sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc\r\n"
            + "From: <sip:alice@example.com>;tag=1\r\n"
            + "To: <sip:bob@example.com>\r\n"
            + "Call-ID: c1@192.0.2.1\r\n"
            + "CSeq: 1 OPTIONS\r\n";

    private static SipMessage parse(String extraHeaders) {
        return SipParser.DEFAULT.parse((BASE + extraHeaders + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "i, Call-ID", "m, Contact", "f, From", "t, To", "v, Via", "l, Content-Length", "c, Content-Type",
        "k, Supported", "s, Subject", "e, Content-Encoding", "o, Event", "u, Allow-Events", "r, Refer-To",
        "b, Referred-By", "x, Session-Expires", "I, Call-ID", "cseq, CSeq", "CALL-ID, Call-ID",
        "www-authenticate, WWW-Authenticate", "p-asserted-identity, P-Asserted-Identity", "X-Custom, X-Custom"
    })
    void compactAndAnyCaseNamesMapToTheCanonicalName(String given, String canonical) {
        assertThat(HeaderName.canonical(given)).isEqualTo(canonical);
        byte[] b = given.getBytes(StandardCharsets.US_ASCII);
        String fromBytes = HeaderName.canonical(b, 0, b.length);
        assertThat(fromBytes == null ? given : fromBytes).isEqualTo(canonical);
    }

    @Test
    void compactFormsAndLongFormsParseAlike() {
        SipMessage compact = SipParser.DEFAULT.parse(("OPTIONS sip:bob@example.com SIP/2.0\r\n"
                + "v: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc\r\nf: <sip:alice@example.com>;tag=1\r\n"
                + "t: <sip:bob@example.com>\r\ni: c1@192.0.2.1\r\nCSeq: 1 OPTIONS\r\nl: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(compact).isEqualTo(parse(""));
    }

    @Test
    void headerLookupIgnoresCase() {
        SipMessage m = parse("user-agent: Phone/1.0\r\n");
        assertThat(m.userAgent()).contains("Phone/1.0");
        assertThat(m.headers().first("USER-AGENT")).contains("Phone/1.0");
    }

    @Test
    void foldedLinesAreJoined() {
        SipMessage m = parse("Subject: first\r\n  second\r\n\tthird\r\n");
        assertThat(m.headers().first("Subject")).contains("first  second\tthird");
    }

    @Test
    void commasInsideQuotesAndAngleBracketsDoNotSplitValues() {
        SipMessage m = parse("Contact: \"Smith, John\" <sip:john@a.example.com>;x=\"1,2\";q=0.5, <sip:j,x@b.example.com>\r\n"
                + "Contact: sip:third@c.example.com\r\n");
        assertThat(m.contacts()).hasSize(3);
        assertThat(m.contacts().get(0).displayName()).contains("Smith, John");
        assertThat(m.contacts().get(0).parameters().get("q")).contains("0.5");
        assertThat(m.headers().values("Contact")).hasSize(3);
        assertThat(m.headers().all("Contact")).hasSize(2);
    }

    @Test
    void parametersWithAndWithoutValuesAndQuotedValues() {
        SipMessage m = parse("Contact: <sip:a@example.com>;expires=60;+sip.instance=\"<urn:uuid:1>\";reg-id=1;flag\r\n");
        Parameters p = m.contacts().get(0).parameters();
        assertThat(p.get("expires")).contains("60");
        assertThat(p.get("+sip.instance")).contains("\"<urn:uuid:1>\"");
        assertThat(p.has("flag")).isTrue();
        assertThat(p.get("flag")).isEmpty();
        assertThat(p.get("EXPIRES")).contains("60");
    }

    @Test
    void quotedDisplayNameEscapesAreResolvedAndWrittenBack() {
        SipMessage m = parse("P-Asserted-Identity: \"A \\\"quoted\\\" \\\\ name\" <sip:a@example.com>\r\n");
        NameAddress a = m.pAssertedIdentities().get(0);
        assertThat(a.displayName()).contains("A \"quoted\" \\ name");
        assertThat(NameAddress.parse(a.toString())).isEqualTo(a);
    }

    @Test
    void typedAccessorsForPbxHeaders() {
        SipMessage m = parse("Max-Forwards: 70\r\nExpires: 3600\r\nAllow: INVITE, ACK,BYE\r\nSupported: replaces, timer\r\n"
                + "Require: 100rel\r\nEvent: dialog;id=7\r\nRefer-To: <sip:carol@example.com?Replaces=abc%40h%3Bto-tag%3D1>\r\n"
                + "Replaces: abc@h;to-tag=1;from-tag=2\r\nRoute: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n"
                + "Record-Route: <sip:p0.example.com;lr>\r\nContent-Type: application/sdp\r\n"
                + "Authorization: Digest username=\"a\", realm=\"r\"\r\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\r\n");
        assertThat(m.maxForwards()).hasValue(70);
        assertThat(m.expires()).hasValue(3600);
        assertThat(m.allow()).containsExactly("INVITE", "ACK", "BYE");
        assertThat(m.supported()).containsExactly("replaces", "timer");
        assertThat(m.require()).containsExactly("100rel");
        assertThat(m.event().orElseThrow().value()).isEqualTo("dialog");
        assertThat(m.event().orElseThrow().parameters().get("id")).contains("7");
        assertThat(m.referTo().orElseThrow().uri()).isInstanceOf(SipUri.class);
        assertThat(m.replaces().orElseThrow().value()).isEqualTo("abc@h");
        assertThat(m.replaces().orElseThrow().parameters().get("from-tag")).contains("2");
        assertThat(m.routes()).hasSize(2);
        assertThat(m.recordRoutes()).hasSize(1);
        assertThat(m.contentType().orElseThrow().value()).isEqualTo("application/sdp");
        assertThat(m.headers().all("Authorization")).containsExactly("Digest username=\"a\", realm=\"r\"");
        assertThat(m.headers().first("www-authenticate")).contains("Digest realm=\"r\", nonce=\"n\"");
    }

    @Test
    void wildcardContactIsReportedSeparately() {
        SipMessage m = parse("Contact: *\r\nExpires: 0\r\n");
        assertThat(m.isWildcardContact()).isTrue();
        assertThat(m.contacts()).isEmpty();
    }

    @Test
    void outOfRangeScalarsAreTypedErrorsOnAccess() {
        SipMessage m = parse("Max-Forwards: 300\r\nExpires: 99999999999\r\n");
        assertThatThrownBy(m::maxForwards).isInstanceOf(SipParseException.class).hasMessage("Max-Forwards out of range");
        assertThatThrownBy(m::expires).isInstanceOf(SipParseException.class).hasMessage("Expires out of range");
    }

    @Test
    void viaWithRportFlagReceivedAndIpv6() {
        Via v = Via.parse("SIP/2.0/TCP [2001:db8::1]:5061;rport;received=192.0.2.9;branch=z9hG4bKx");
        assertThat(v.host()).isEqualTo("[2001:db8::1]");
        assertThat(v.port()).hasValue(5061);
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEmpty();
        assertThat(v.received()).contains("192.0.2.9");
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(Via.parse(v.toString())).isEqualTo(v);
    }
}
