package org.switchboard.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.Transport;

class DialogTest {
    private static final String INVITE = "INVITE sip:1002@10.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bKa\r\n"
            + "Record-Route: <sip:10.0.0.5;lr>, <sip:10.0.0.6:5070;lr;transport=tcp>\r\n"
            + "From: <sip:1001@pbx>;tag=caller\r\n"
            + "To: <sip:1002@pbx>\r\n"
            + "Call-ID: d1@host\r\n"
            + "CSeq: 7 INVITE\r\n"
            + "Contact: <sip:1001@10.0.0.9:5060>\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static SipRequest parseRequest(String text) {
        return (SipRequest) SipParser.DEFAULT.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static SipResponse ok(SipRequest invite) {
        SipResponse ok = invite.createResponse(200).withToTag("callee")
                .withHeader(HeaderName.CONTACT, "<sip:1002@10.0.0.2:5062>");
        for (String rr : invite.headers().values(HeaderName.RECORD_ROUTE)) {
            ok = ok.withHeader(HeaderName.RECORD_ROUTE, rr);
        }
        return ok;
    }

    @Test
    void uasDialogTakesRouteSetInOrderAndRemoteTargetFromTheRequest() {
        SipRequest invite = parseRequest(INVITE);
        Dialog dialog = Dialog.asUas(invite, ok(invite));
        assertThat(dialog.id()).isEqualTo(new DialogId("d1@host", "callee", "caller"));
        assertThat(dialog.routeSet()).extracting(r -> r.uri().toString())
                .containsExactly("sip:10.0.0.5;lr", "sip:10.0.0.6:5070;lr;transport=tcp");
        assertThat(dialog.remoteTarget().toString()).isEqualTo("sip:1001@10.0.0.9:5060");
        assertThat(dialog.nextHop()).isEqualTo(NextHop.of((org.switchboard.sip.message.SipUri) dialog.routeSet().getFirst().uri()));
        assertThat(dialog.nextHop().transport()).isEqualTo(Transport.UDP);
    }

    @Test
    void uacDialogReversesTheRecordRouteOfTheResponse() {
        SipRequest invite = parseRequest(INVITE);
        Dialog dialog = Dialog.asUac(invite, ok(invite));
        assertThat(dialog.id()).isEqualTo(new DialogId("d1@host", "caller", "callee"));
        assertThat(dialog.routeSet()).extracting(r -> r.uri().toString())
                .containsExactly("sip:10.0.0.6:5070;lr;transport=tcp", "sip:10.0.0.5;lr");
        assertThat(dialog.remoteTarget().toString()).isEqualTo("sip:1002@10.0.0.2:5062");
        assertThat(dialog.nextHop().transport()).isEqualTo(Transport.TCP);
        assertThat(dialog.nextHop().address().getPort()).isEqualTo(5070);
    }

    @Test
    void byeGoesToTheRemoteTargetThroughTheRouteSetWithTheNextCSeq() {
        SipRequest invite = parseRequest(INVITE);
        Dialog dialog = Dialog.asUac(invite, ok(invite));
        SipRequest bye = dialog.newRequest(SipMethod.BYE).build();
        assertThat(bye.requestUri().toString()).isEqualTo("sip:1002@10.0.0.2:5062");
        assertThat(bye.cseq().number()).isEqualTo(8);
        assertThat(bye.from().tag()).contains("caller");
        assertThat(bye.to().tag()).contains("callee");
        assertThat(bye.routes()).extracting(r -> r.uri().toString())
                .containsExactly("sip:10.0.0.6:5070;lr;transport=tcp", "sip:10.0.0.5;lr");
    }

    @Test
    void ackForA2xxKeepsTheInviteCSeqNumber() {
        SipRequest invite = parseRequest(INVITE);
        Dialog dialog = Dialog.asUac(invite, ok(invite));
        SipRequest ack = dialog.ack(7);
        assertThat(ack.method()).isEqualTo(SipMethod.ACK);
        assertThat(ack.cseq().number()).isEqualTo(7);
        assertThat(dialog.localSeq()).isEqualTo(7);
    }

    @Test
    void strictRouterGetsTheRequestUriAndTheRemoteTargetGoesLast() {
        String strict = INVITE.replace("Record-Route: <sip:10.0.0.5;lr>, <sip:10.0.0.6:5070;lr;transport=tcp>",
                "Record-Route: <sip:10.0.0.5>");
        SipRequest invite = parseRequest(strict);
        Dialog dialog = Dialog.asUas(invite, ok(invite));
        SipRequest bye = dialog.newRequest(SipMethod.BYE).build();
        assertThat(bye.requestUri().toString()).isEqualTo("sip:10.0.0.5");
        assertThat(bye.routes()).extracting(r -> r.uri().toString()).containsExactly("sip:1001@10.0.0.9:5060");
    }

    @Test
    void reInviteRefreshesTheRemoteTargetAndOldCSeqIsRefused() {
        SipRequest invite = parseRequest(INVITE);
        Dialog dialog = Dialog.asUas(invite, ok(invite));
        SipRequest reInvite = parseRequest(INVITE.replace("To: <sip:1002@pbx>", "To: <sip:1002@pbx>;tag=callee")
                .replace("CSeq: 7 INVITE", "CSeq: 8 INVITE")
                .replace("Contact: <sip:1001@10.0.0.9:5060>", "Contact: <sip:1001@10.0.0.99:5080>"));
        assertThat(dialog.receive(reInvite)).isEmpty();
        assertThat(dialog.remoteTarget().toString()).isEqualTo("sip:1001@10.0.0.99:5080");
        assertThat(DialogId.ofReceived(reInvite)).contains(dialog.id());

        SipRequest stale = parseRequest(INVITE.replace("CSeq: 7 INVITE", "CSeq: 8 BYE").replace("INVITE sip", "BYE sip"));
        assertThat(dialog.receive(stale)).as("CSeq not above the last one (RFC 3261 §12.2.2)").hasValue(500);
    }
}
