package org.switchboard.pbx.stirshaken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;

class CallNumbersTest {

    static SipRequest invite(String pai) {
        SipRequest.Builder b = SipRequest.builder(SipMethod.INVITE, SipUri.parse("sip:+15550003000@pbx.test;user=phone"))
                .from(NameAddress.parse("\"Carrier\" <sip:+1-555-000-1000@carrier.test;user=phone>;tag=a1"))
                .to(NameAddress.parse("<sip:15550002000@pbx.test>"))
                .callId("c1@test").cseq(1).maxForwards(70).contact(NameAddress.of(SipUri.parse("sip:carrier.test")))
                .header("Identity", "eyJ.eyJ.sig;info=<https://x.test/c.pem>;alg=ES256;ppt=shaken");
        if (pai != null) {
            b.header("P-Asserted-Identity", pai);
        }
        return b.build();
    }

    @Test
    void callersComeFromAssertedIdentityAndFromCalleesFromToAndRequestUri() {
        CallNumbers numbers = CallNumbers.of(invite("<tel:+15550009000>, <sip:alice@carrier.test>"));

        assertThat(numbers.identity()).contains("eyJ.eyJ.sig;info=<https://x.test/c.pem>;alg=ES256;ppt=shaken");
        assertThat(numbers.callers()).containsExactlyInAnyOrder("15550009000", "15550001000");
        assertThat(numbers.callees()).containsExactlyInAnyOrder("15550002000", "15550003000");
    }

    @Test
    void identityHeaderParametersParseQuotedAndInAnyOrder() {
        assertThat(IdentityHeader.parse("a.b.c;ppt=\"shaken\";alg=ES256;info=<https://x.test/c.pem>"))
                .contains(new IdentityHeader("a.b.c", java.net.URI.create("https://x.test/c.pem"), "ES256", "shaken"));
        assertThat(IdentityHeader.parse("a.b.c;info=<https://x.test/c;v=2.pem>;alg=ES256").map(IdentityHeader::info))
                .contains(java.net.URI.create("https://x.test/c;v=2.pem"));
        assertThat(IdentityHeader.parse("a.b.c;alg=ES256")).isEmpty();
        assertThat(IdentityHeader.parse("abc;info=<https://x.test/c.pem>")).isEmpty();
    }
}
