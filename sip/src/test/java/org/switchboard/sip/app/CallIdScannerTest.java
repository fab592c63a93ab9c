package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.parse.SipParser;

class CallIdScannerTest {
    private static Optional<String> scan(String message) {
        return CallIdScanner.find(message.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void findsTheLongFormWithWhitespaceAroundTheValue() {
        assertThat(scan("REGISTER sip:a SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "Call-ID:   abc@host \t\r\nCSeq: 1 REGISTER\r\n\r\n")).contains("abc@host");
    }

    @Test
    void findsTheCompactFormAndAnyCaseAndSpaceBeforeTheColon() {
        assertThat(scan("OPTIONS sip:a SIP/2.0\r\ni: compact-1\r\n\r\n")).contains("compact-1");
        assertThat(scan("OPTIONS sip:a SIP/2.0\r\nCALL-id : upper-2\r\n\r\n")).contains("upper-2");
    }

    @Test
    void headersThatOnlyStartLikeCallIdAreNotIt() {
        assertThat(scan("OPTIONS sip:a SIP/2.0\r\nIn-Reply-To: other\r\nCall-IDs: no\r\n"
                + "Call-ID: yes\r\n\r\n")).contains("yes");
    }

    @Test
    void aCallIdInTheBodyOrAMissingOneGivesNothing() {
        assertThat(scan("MESSAGE sip:a SIP/2.0\r\nContent-Length: 12\r\n\r\nCall-ID: x\r\n")).isEmpty();
        assertThat(scan("OPTIONS sip:a SIP/2.0\r\nCSeq: 1 OPTIONS")).isEmpty();
        assertThat(scan("")).isEmpty();
    }

    @Test
    void bareLineFeedsEndLinesToo() {
        assertThat(scan("OPTIONS sip:a SIP/2.0\nTo: <sip:b>\nCall-ID: lf-only\n\n")).contains("lf-only");
    }

    @Test
    void theScannedValueIsTheParsersCallIdSoBothPickTheSameExecutor() {
        String message = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h:5060;branch=z9hG4bK7\r\nFrom: <sip:a@h>;tag=1\r\n"
                + "To: <sip:b@h>;tag=2\r\ni:  f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com \r\n"
                + "CSeq: 4 INVITE\r\nContent-Length: 0\r\n\r\n";
        SipMessage parsed = SipParser.DEFAULT.parseOwned(message.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(scan(message)).contains(parsed.callId());
    }
}
