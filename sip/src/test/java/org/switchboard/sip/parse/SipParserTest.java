package org.switchboard.sip.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;

class SipParserTest {

    private static final String HEADERS = "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKabc\r\n"
            + "From: <sip:alice@example.com>;tag=1\r\nTo: <sip:bob@example.com>\r\n"
            + "Call-ID: c1@192.0.2.1\r\nCSeq: 1 OPTIONS\r\n";
    private static final String OPTIONS = "OPTIONS sip:bob@example.com SIP/2.0\r\n" + HEADERS;

    private static SipMessage parse(String text) {
        return SipParser.DEFAULT.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void leadingEmptyLinesBeforeTheStartLineAreIgnored() {
        assertThat(parse("\r\n\r\n" + OPTIONS + "\r\n")).isInstanceOf(SipRequest.class);
    }

    @Test
    void bareLfLineEndsAreAccepted() {
        SipMessage m = parse((OPTIONS + "Subject: a\r\n b\r\n\r\n").replace("\r\n", "\n"));
        assertThat(m.callId()).isEqualTo("c1@192.0.2.1");
        assertThat(m.headers().first("Subject")).contains("a b");
    }

    @Test
    void withoutContentLengthTheDatagramRestIsTheBody() {
        assertThat(parse(OPTIONS + "\r\nhello").bodyAsString()).isEqualTo("hello");
    }

    @Test
    void parsingFromAByteBufLeavesItsReaderIndexAlone() {
        ByteBuf buf = Unpooled.copiedBuffer(OPTIONS + "l: 0\r\n\r\n", StandardCharsets.UTF_8);
        try {
            assertThat(SipParser.DEFAULT.parse(buf).callId()).isEqualTo("c1@192.0.2.1");
            assertThat(buf.readerIndex()).isZero();
        } finally {
            buf.release();
        }
    }

    @Test
    void offsetAndLengthSelectTheMessageInsideALargerArray() {
        byte[] msg = (OPTIONS + "l: 0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] padded = new byte[msg.length + 20];
        System.arraycopy(msg, 0, padded, 10, msg.length);
        assertThat(SipParser.DEFAULT.parse(padded, 10, msg.length)).isEqualTo(SipParser.DEFAULT.parse(msg));
    }

    @Test
    void messagesOverTheSizeLimitAreRejectedWith513() {
        SipParser small = new SipParser(512, 64);
        SipParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(SipParseException.class,
                () -> small.parse((OPTIONS + "X: " + "a".repeat(600) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(e.status()).isEqualTo(513);
    }

    @Test
    void tooManyHeadersAreRejected() {
        SipParser few = new SipParser(65_536, 8);
        assertThatThrownBy(() -> few.parse((OPTIONS + "A: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SipParseException.class).hasMessage("Too many headers");
    }

    @Test
    void malformedHeaderLinesAreTypedFaults() {
        assertThatThrownBy(() -> parse(OPTIONS + "NoColonHere\r\n\r\n")).hasMessage("Malformed header line");
        assertThatThrownBy(() -> parse(OPTIONS + "Bad Name: x\r\n\r\n")).hasMessage("Malformed header line");
        assertThatThrownBy(() -> parse(OPTIONS)).hasMessage("Missing end of headers");
        assertThatThrownBy(() -> parse(" continuation\r\n")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> parse("")).hasMessage("Empty message");
    }

    @Test
    void missingMandatoryHeadersAreNamed() {
        assertThatThrownBy(() -> parse("OPTIONS sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n\r\n"))
                .hasMessage("Missing From");
        assertThatThrownBy(() -> parse(OPTIONS.replace("Call-ID: c1@192.0.2.1\r\n", "") + "\r\n")).hasMessage("Missing Call-ID");
        assertThatThrownBy(() -> parse(OPTIONS + "Call-ID: again\r\n\r\n")).hasMessage("Multiple Call-ID headers");
    }

    @Test
    void conflictingContentLengthsAreRejected() {
        assertThatThrownBy(() -> parse(OPTIONS + "Content-Length: 0\r\nl: 4\r\n\r\nabcd")).hasMessage("Conflicting Content-Length");
    }

    @Test
    void responsesNeedAVia() {
        assertThatThrownBy(() -> parse("SIP/2.0 200 OK\r\n" + HEADERS.substring(HEADERS.indexOf("From")) + "\r\n"))
                .hasMessage("Missing Via");
        SipResponse ok = (SipResponse) parse("SIP/2.0 200 OK\r\n" + HEADERS + "\r\n");
        assertThat(ok.isSuccess()).isTrue();
    }

    @Test
    void lineFeedsInsideLongHeadersAreFoundAtEveryAlignment() {
        for (int pad = 0; pad < 9; pad++) {
            SipMessage m = parse(OPTIONS + "X" + "y".repeat(pad) + ": " + "z".repeat(pad * 3) + "\r\n\r\n");
            assertThat(m.headers().first("X" + "y".repeat(pad))).contains("z".repeat(pad * 3));
        }
    }

    @Test
    void a64KiBHeaderOfSeparatorsIsHandled() {
        String junk = ";,<\"".repeat(16_000);
        SipMessage m = parse(OPTIONS + "Contact: " + junk.substring(0, 60_000) + "\r\n\r\n");
        assertThatThrownBy(m::contacts).isInstanceOf(SipParseException.class);
    }
}
