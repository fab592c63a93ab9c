package org.switchboard.pbx.call.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;

class TransferProgressTest {
    private static final NameAddress CONTACT = NameAddress.of(SipUri.parse("sip:127.0.0.1:5060"));

    /** The transferor's dialog as the PBX (UAS of its INVITE) holds it. */
    private static Dialog transferorDialog() {
        SipRequest invite = SipRequest.builder(SipMethod.INVITE, SipUri.parse("sip:1002@pbx.test"))
                .from(NameAddress.of(SipUri.of("1001", "pbx.test")).withTag("a1"))
                .to(NameAddress.of(SipUri.of("1002", "pbx.test")))
                .callId("call-1@test")
                .cseq(1)
                .maxForwards(70)
                .contact(NameAddress.of(SipUri.parse("sip:1001@192.0.2.1:5062")))
                .build();
        SipResponse ok = invite.createResponse(200).withToTag("pbx1").withHeader("Contact", CONTACT.toString());
        return Dialog.asUas(invite, ok);
    }

    @Test
    void aProvisionalStatusKeepsTheSubscriptionActive() {
        SipRequest notify = TransferProgress.notify(transferorDialog(), CONTACT, 100, "Trying");

        assertThat(notify.method()).isEqualTo(SipMethod.NOTIFY);
        assertThat(notify.headers().first("Event")).contains("refer");
        assertThat(notify.headers().first("Subscription-State")).contains("active;expires=60");
        assertThat(notify.headers().first("Content-Type")).contains("message/sipfrag;version=2.0");
        assertThat(new String(notify.body(), StandardCharsets.UTF_8)).isEqualTo("SIP/2.0 100 Trying\r\n");
        assertThat(notify.requestUri().toString()).isEqualTo("sip:1001@192.0.2.1:5062");
    }

    @Test
    void aFinalStatusTerminatesItAndEachNotifyTakesTheNextCSeq() {
        Dialog dialog = transferorDialog();
        SipRequest trying = TransferProgress.notify(dialog, CONTACT, 100, "Trying");
        SipRequest done = TransferProgress.notify(dialog, CONTACT, 486, "Busy Here");

        assertThat(done.headers().first("Subscription-State")).contains("terminated;reason=noresource");
        assertThat(new String(done.body(), StandardCharsets.UTF_8)).isEqualTo("SIP/2.0 486 Busy Here\r\n");
        assertThat(done.cseq().number()).isEqualTo(trying.cseq().number() + 1);
    }
}
