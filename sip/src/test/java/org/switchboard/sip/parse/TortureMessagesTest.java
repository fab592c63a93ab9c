package org.switchboard.sip.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.RequestEssentials;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.Via;

/** Every RFC 4475 §3.1.1 and §3.1.2 message, from the files under src/test/resources/torture. */
class TortureMessagesTest {

    private static byte[] load(String name) {
        try (InputStream in = TortureMessagesTest.class.getResourceAsStream("/torture/" + name + ".dat")) {
            assertThat(in).as("torture file %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SipMessage parse(String name) {
        return SipParser.DEFAULT.parse(load(name));
    }

    private static SipRequest request(String name) {
        return (SipRequest) parse(name);
    }

    private static SipParseException rejected(String name) {
        SipParseException e = catchThrowableOfType(SipParseException.class, () -> parse(name));
        assertThat(e).as("%s must be rejected", name).isNotNull();
        return e;
    }

    /** The fault is reported with what a 400 needs, and that 400 can be built. */
    private static void answerableWith400(SipParseException e, String callId) {
        assertThat(e.essentials()).as("essentials of a readable request").isPresent();
        SipResponse r = e.essentials().get().respond(e.status(), e.reason());
        assertThat(r.callId()).isEqualTo(callId);
        assertThat(SipParser.DEFAULT.parse(r.toBytes())).isEqualTo(r);
    }

    // §3.1.1 valid messages

    @Test
    void wsinvShortTortuousInviteParsesWithFoldingCompactFormsAndOddWhitespace() {
        SipRequest r = request("valid/wsinv");
        assertThat(r.requestUri().toString()).isEqualTo("sip:vivekg@chair-dnrc.example.com;unknownparam");
        assertThat(r.to().tag()).contains("1918181833n");
        assertThat(r.from().displayName()).contains("J Rosenberg \\\"");
        assertThat(r.from().tag()).contains("98asjd8");
        assertThat(r.maxForwards()).hasValue(68);
        assertThat(r.cseq().number()).isEqualTo(9);
        assertThat(r.cseq().method().name()).isEqualTo("INVITE");
        assertThat(r.vias()).extracting(Via::transport).containsExactly("UDP", "TCP", "UDP");
        assertThat(r.vias().get(2).branch()).contains("z9hG4bK30239");
        assertThat(r.routes()).hasSize(1);
        assertThat(r.contacts()).hasSize(1);
        assertThat(r.contacts().get(0).displayName()).contains("Quoted string \"\"");
        assertThat(r.contacts().get(0).parameters().get("q")).contains("0.33");
        assertThat(r.headers().first("Subject")).contains("");
        assertThat(r.headers().first("newfangledheader")).contains("newfangled value continued newfangled value");
        assertThat(r.headers().first("UnknownHeaderWithUnusualValue")).contains(";;,,;;,;");
        assertThat(r.contentLength()).isEqualTo(150);
    }

    @Test
    void intmethWideRangeOfValidCharactersParses() {
        SipRequest r = request("valid/intmeth");
        assertThat(r.method().name()).isEqualTo("!interesting-Method0123456789_*+`.%indeed'~");
        assertThat(r.cseq().method()).isEqualTo(r.method());
        SipUri uri = (SipUri) r.requestUri();
        assertThat(uri.user()).contains("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*");
        assertThat(uri.password()).contains("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)");
        assertThat(r.to().displayName()).contains("BEL:\u0007 NUL:\u0000 DEL:\u007f");
        assertThat(r.from().displayName()).contains("token1~` token2'+_ token3*%!.-");
        assertThat(r.from().parameters().get("fromParam''~+*_!.-%")).contains("\"работающий\"");
        assertThat(r.callId()).isEqualTo("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{");
        assertThat(r.headers().first("extensionHeader-!.%*+_`'~")).contains("\uFEFF大停電");
    }

    @Test
    void esc01EscapesInUrisAreKeptAndCompareUnescaped() {
        SipRequest r = request("valid/esc01");
        assertThat(((SipUri) r.requestUri()).user()).contains("sips%3Auser%40example.com");
        assertThat(r.to().uri().isEquivalentTo(SipUri.of("user", "example.com"))).isTrue();
        assertThat(r.callId()).isEqualTo("esc01.239409asdfakjkn23onasd0-3234");
        assertThat(r.contentType().orElseThrow().value()).isEqualTo("application/sdp");
        assertThat(r.contacts().get(0).uri().isEquivalentTo(
                SipUri.parse("sip:caller@host5.example.net;lr;name=value%41"))).isTrue();
    }

    @Test
    void escnullEscapedNulsInUrisParse() {
        SipRequest r = request("valid/escnull");
        assertThat(((SipUri) r.to().uri()).user()).contains("null-%00-null");
        assertThat(r.contacts()).hasSize(2);
        assertThat(r.contacts().get(0).uri().isEquivalentTo(r.contacts().get(1).uri())).isFalse();
    }

    @Test
    void esc02PercentThatIsNotAnEscapeIsTakenLiterally() {
        SipRequest r = request("valid/esc02");
        assertThat(r.method().name()).isEqualTo("RE%47IST%45R");
        assertThat(r.method().name()).isNotEqualTo("REGISTER");
        assertThat(r.to().displayName()).contains("%Z%45");
        assertThat(r.contacts()).hasSize(2);
        assertThat(r.headers().first("C%6Fntact")).contains("<sip:alias2@host2.example.com>");
    }

    @Test
    void lwsdispDisplayNameWithoutSpaceBeforeAngleBracket() {
        assertThat(request("valid/lwsdisp").from().displayName()).contains("caller");
    }

    @Test
    void longreqLongValuesAndThirtyFourVias() {
        SipRequest r = request("valid/longreq");
        assertThat(r.vias()).hasSize(34);
        assertThat(r.callId()).isEqualTo("longreq.one" + "really".repeat(20) + "longcallid");
        assertThat(r.from().tag()).contains("12" + "982".repeat(50) + "424");
        assertThat(((SipUri) r.to().uri()).port()).hasValue(6000);
    }

    @Test
    void dblreqOctetsAfterContentLengthAreIgnored() {
        SipRequest r = request("valid/dblreq");
        assertThat(r.method().name()).isEqualTo("REGISTER");
        assertThat(r.contentLength()).isZero();
    }

    @Test
    void semiuriSemicolonsInTheUserPart() {
        SipUri uri = (SipUri) request("valid/semiuri").requestUri();
        assertThat(uri.user()).contains("user;par=u%40example.net");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.parameters().isEmpty()).isTrue();
    }

    @Test
    void transportsVariedAndUnknownTransports() {
        assertThat(request("valid/transports").vias())
                .extracting(Via::transport)
                .containsExactly("UDP", "SCTP", "TLS", "UNKNOWN", "TCP");
    }

    @Test
    void mpart01MultipartBinaryBodyIsKeptByteForByte() {
        byte[] raw = load("valid/mpart01");
        SipRequest r = request("valid/mpart01");
        assertThat(r.contentType().orElseThrow().parameters().get("boundary")).contains("7a9cbec02ceef655");
        assertThat(r.body()).containsExactly(java.util.Arrays.copyOfRange(raw, raw.length - r.contentLength(), raw.length));
        assertThat(SipParser.DEFAULT.parse(r.toBytes())).isEqualTo(r);
    }

    @Test
    void unreasonUtf8ReasonPhrase() {
        SipResponse r = (SipResponse) parse("valid/unreason");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("= 2**3 * 5**2 но сто девяносто девять - простое");
    }

    @Test
    void noreasonEmptyReasonPhrase() {
        SipResponse r = (SipResponse) parse("valid/noreason");
        assertThat(r.status()).isEqualTo(100);
        assertThat(r.reason()).isEmpty();
    }

    @Test
    void everyValidMessageRoundTrips() {
        for (String name : List.of("wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq",
                "dblreq", "semiuri", "transports", "mpart01", "unreason", "noreason")) {
            SipMessage m = parse("valid/" + name);
            assertThat(SipParser.DEFAULT.parse(m.toBytes())).as("round trip of %s", name).isEqualTo(m);
        }
    }

    // §3.1.2 invalid messages

    @Test
    void badinv01ExtraneousSeparatorsInViaAreRejectedWith400() {
        SipParseException e = rejected("invalid/badinv01");
        assertThat(e.reason()).isEqualTo("Bad Via: Empty parameter name");
        RequestEssentials essentials = e.essentials().orElseThrow();
        assertThat(essentials.topVia()).as("the faulty Via cannot route the answer").isEmpty();
        assertThat(essentials.respond(e.status(), e.reason()).callId()).isEqualTo("badinv01.0ha0isndaksdjasdf3234nas");
    }

    @Test
    void clerrContentLengthLargerThanMessageIsRejectedWith400() {
        SipParseException e = rejected("invalid/clerr");
        assertThat(e.reason()).isEqualTo("Content-Length larger than message");
        answerableWith400(e, "clerr.0ha0isndaksdjweiafasdk3");
    }

    @Test
    void nclNegativeContentLengthIsRejectedWith400() {
        SipParseException e = rejected("invalid/ncl");
        assertThat(e.reason()).isEqualTo("Invalid Content-Length");
        answerableWith400(e, "ncl.0ha0isndaksdj2193423r542w35");
    }

    @Test
    void scalar02OverlargeCSeqIsRejectedWith400NamingCSeq() {
        SipParseException e = rejected("invalid/scalar02");
        assertThat(e.reason()).isEqualTo("CSeq out of range");
        SipResponse answer = e.essentials().orElseThrow().respond(e.status(), e.reason());
        assertThat(answer.toString()).as("the unreadable CSeq is copied as written")
                .contains("CSeq: 36893488147419103232 REGISTER");
    }

    @Test
    void scalarlgOverlargeResponseScalarsAreRejected() {
        assertThat(rejected("invalid/scalarlg").reason()).isEqualTo("CSeq out of range");
    }

    @Test
    void quotbalUnterminatedQuotedStringIsRejected() {
        assertThat(rejected("invalid/quotbal").reason()).isEqualTo("Bad To: Unterminated quoted string");
    }

    @Test
    void ltgtruriAngleBracketsAroundRequestUriAreRejectedWith400() {
        answerableWith400(rejected("invalid/ltgtruri"), "ltgtruri.1@192.0.2.5");
    }

    @Test
    void lwsruriWhitespaceInRequestUriIsRejectedWith400() {
        answerableWith400(rejected("invalid/lwsruri"), "lwsruri.asdfasdoeoi2323-asdfwrn23-asd834rk423");
    }

    @Test
    void lwsstartDoubleSpacesInRequestLineAreRejectedWith400() {
        answerableWith400(rejected("invalid/lwsstart"), "lwsstart.dfknq234oi243099adsdfnawe3@example.com");
    }

    @Test
    void trwsTrailingSpacesInRequestLineAreRejectedWith400() {
        answerableWith400(rejected("invalid/trws"), "trws.oicu34958239neffasdhr2345r");
    }

    @Test
    void escruriHeadersInRequestUriAreRejectedWith400() {
        SipParseException e = rejected("invalid/escruri");
        assertThat(e.reason()).isEqualTo("Headers in Request-URI");
        answerableWith400(e, "escruri.23940-asdfhj-aje3br-234q098w-fawerh2q-h4n5");
    }

    @Test
    void baddateParsesBecauseDateIsNotInterpretedAndIsKeptAsWritten() {
        // RFC 4475 §3.1.2.12: an element that does not use Date may process the request
        assertThat(request("invalid/baddate").headers().first("Date")).contains("Fri, 01 Jan 2010 16:00:00 EST");
    }

    @Test
    void regbadctUnbracketedContactWithHeadersIsDetectedWhenContactsAreRead() {
        SipRequest r = request("invalid/regbadct");
        assertThatThrownBy(r::contacts).isInstanceOf(SipParseException.class);
    }

    @Test
    void badaspecSpacesInsideAngleBracketsAreRejected() {
        assertThat(rejected("invalid/badaspec").reason()).isEqualTo("Bad To: Whitespace inside URI");
    }

    @Test
    void baddnNonTokenDisplayNameIsRejected() {
        assertThat(rejected("invalid/baddn").reason()).isEqualTo("Bad From: Invalid display name");
    }

    @Test
    void badversUnknownVersionIsRejectedWith505() {
        SipParseException e = rejected("invalid/badvers");
        assertThat(e.status()).isEqualTo(505);
        answerableWith400(e, "badvers.31417@c.example.com");
    }

    @Test
    void mismatch01CSeqMethodDifferentFromRequestMethodIsRejectedWith400() {
        SipParseException e = rejected("invalid/mismatch01");
        assertThat(e.reason()).isEqualTo("CSeq method does not match request method");
        answerableWith400(e, "mismatch01.dj0234sxdfl3");
    }

    @Test
    void mismatch02UnknownMethodWithCSeqMismatchIsRejectedWith501() {
        SipParseException e = rejected("invalid/mismatch02");
        assertThat(e.status()).as("RFC 4475 §3.1.2.18 prefers 501 for an unknown method").isEqualTo(501);
        answerableWith400(e, "mismatch02.dj0234sxdfl3");
    }

    @Test
    void bigcodeOverlargeStatusCodeIsRejected() {
        assertThat(rejected("invalid/bigcode").reason()).isEqualTo("Malformed Status-Line");
    }

    @Test
    void noneOfTheFilesIsEmptyOrLfOnly() {
        String wsinv = new String(load("valid/wsinv"), StandardCharsets.UTF_8);
        assertThat(wsinv).contains("\r\n").doesNotContain("\r\r");
    }
}
