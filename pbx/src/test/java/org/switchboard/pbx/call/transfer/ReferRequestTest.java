package org.switchboard.pbx.call.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;

class ReferRequestTest {

    private static SipRequest refer(String... referTo) {
        SipRequest.Builder b = SipRequest.builder(SipMethod.REFER, SipUri.parse("sip:pbx@127.0.0.1:5060"))
                .from(NameAddress.of(SipUri.of("1001", "pbx.test")).withTag("a1"))
                .to(NameAddress.of(SipUri.of("1002", "pbx.test")).withTag("b2"))
                .callId("call-1@test")
                .cseq(2)
                .maxForwards(70);
        for (String value : referTo) {
            b.header("Refer-To", value);
        }
        return b.build();
    }

    private static ReferRequest accepted(ReferRequest.Check check) {
        assertThat(check).isInstanceOf(ReferRequest.Check.Accepted.class);
        return ((ReferRequest.Check.Accepted) check).refer();
    }

    private static ReferRequest.Check.Refused refused(ReferRequest.Check check) {
        assertThat(check).isInstanceOf(ReferRequest.Check.Refused.class);
        return (ReferRequest.Check.Refused) check;
    }

    @Test
    void aBlindTransferNamesTheNumberToCall() {
        ReferRequest r = accepted(ReferRequest.check(refer("<sip:1003@pbx.test>")));

        assertThat(r.dialled()).isEqualTo("1003");
        assertThat(r.replaces()).isEmpty();
    }

    @Test
    void anAttendedTransferCarriesTheEscapedReplacesOfTheTransferorsOtherCall() {
        ReferRequest r = accepted(ReferRequest.check(refer(
                "<sip:1003@pbx.test?Replaces=98732%40sip.example%3Bto-tag%3Dr33th4x0r%3Bfrom-tag%3Dff87ff&Require=replaces>")));

        assertThat(r.dialled()).isEqualTo("1003");
        assertThat(r.replaces()).contains(new Replaces("98732@sip.example", "r33th4x0r", "ff87ff", false));
    }

    @Test
    void theEarlyOnlyFlagIsKept() {
        assertThat(Replaces.parse("abc;from-tag=1;to-tag=2;early-only"))
                .contains(new Replaces("abc", "2", "1", true));
    }

    @Test
    void missingRepeatedOrMalformedReferToIsRefusedWith400AndAReason() {
        assertThat(refused(ReferRequest.check(refer())).reason()).isEqualTo("Missing Refer-To");
        assertThat(refused(ReferRequest.check(refer("<sip:1003@pbx.test>", "<sip:1004@pbx.test>"))).status()).isEqualTo(400);
        assertThat(refused(ReferRequest.check(refer("<sip:1003@pbx.test?Replaces=abc%3Bto-tag%3D1>"))).reason())
                .as("a Replaces without from-tag").isEqualTo("Bad Replaces in Refer-To");
        assertThat(refused(ReferRequest.check(refer("<sip:1003@pbx.test?Replaces=abc%3>"))).status()).isEqualTo(400);
        assertThat(refused(ReferRequest.check(refer("<sip:@>"))).status()).isEqualTo(400);
    }

    @Test
    void aNonSipTargetIs416() {
        assertThat(refused(ReferRequest.check(refer("<tel:+15551234>"))).status()).isEqualTo(416);
    }

    @Test
    void replacesNeedsACallIdAndBothTags() {
        assertThat(Replaces.parse("abc;to-tag=1")).isEqualTo(Optional.empty());
        assertThat(Replaces.parse(";to-tag=1;from-tag=2")).isEmpty();
    }
}
