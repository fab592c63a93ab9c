package org.switchboard.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.Transport;

class ViaRulesTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 5060);

    private static SipRequest request(String method, String via) {
        String text = method + " sip:a@127.0.0.1 SIP/2.0\r\nVia: " + via + "\r\nFrom: <sip:b@h>;tag=f\r\n"
                + "To: <sip:a@h>\r\nCall-ID: k\r\nCSeq: 1 " + method + "\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest) SipParser.DEFAULT.parse(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Flow udpFrom(String ip, int port) {
        return new Flow(Transport.UDP, LOCAL, new InetSocketAddress(ip, port));
    }

    @Test
    void receivedIsAddedWhenSentByDiffersFromTheSource() {
        SipRequest r = ViaRules.stampReceived(request("OPTIONS", "SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK1"),
                udpFrom("192.0.2.7", 5060));
        assertThat(r.topVia().orElseThrow().received()).contains("192.0.2.7");
        assertThat(r.topVia().orElseThrow().hasRport()).isFalse();
    }

    @Test
    void nothingIsAddedWhenSentByIsTheSourceAndNoRportAsked() {
        SipRequest original = request("OPTIONS", "SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK1");
        assertThat(ViaRules.stampReceived(original, udpFrom("192.0.2.7", 5060))).isSameAs(original);
    }

    @Test
    void rportGetsTheSourcePortAndReceivedEvenWhenTheAddressMatches() {
        SipRequest r = ViaRules.stampReceived(request("OPTIONS", "SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bK1;rport"),
                udpFrom("192.0.2.7", 40123));
        assertThat(r.topVia().orElseThrow().rport()).hasValue(40123);
        assertThat(r.topVia().orElseThrow().received()).contains("192.0.2.7");
    }

    @Test
    void udpResponseWithoutRportGoesToReceivedAndTheSentByPort() {
        SipRequest r = ViaRules.stampReceived(request("OPTIONS", "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1"),
                udpFrom("192.0.2.7", 40000));
        Flow target = ViaRules.responseFlow(r.createResponse(200), udpFrom("192.0.2.7", 40000));
        assertThat(target.remote()).isEqualTo(new InetSocketAddress("192.0.2.7", 5070));
    }

    @Test
    void udpResponseWithRportGoesBackToTheSourcePort() {
        SipRequest r = ViaRules.stampReceived(request("OPTIONS", "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1;rport"),
                udpFrom("192.0.2.7", 40000));
        Flow target = ViaRules.responseFlow(r.createResponse(200), udpFrom("192.0.2.7", 40000));
        assertThat(target.remote()).isEqualTo(new InetSocketAddress("192.0.2.7", 40000));
    }

    @Test
    void tcpResponseUsesTheRequestsFlow() {
        Flow tcp = new Flow(Transport.TCP, LOCAL, new InetSocketAddress("192.0.2.7", 40000));
        SipRequest r = request("OPTIONS", "SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK1");
        assertThat(ViaRules.responseFlow(r.createResponse(200), tcp)).isEqualTo(tcp);
    }

    @Test
    void ackAndCancelShareTheInviteServerKeyButCancelHasItsOwn() {
        String via = "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKx";
        TransactionKey invite = TransactionKey.forServer(request("INVITE", via));
        assertThat(TransactionKey.forServer(request("ACK", via))).isEqualTo(invite);
        TransactionKey cancel = TransactionKey.forServer(request("CANCEL", via));
        assertThat(cancel).isNotEqualTo(invite);
        assertThat(TransactionKey.forServer(request("CANCEL", via), SipMethod.INVITE)).isEqualTo(invite);
    }

    @Test
    void sameBranchFromAnotherSentByIsAnotherTransaction() {
        TransactionKey a = TransactionKey.forServer(request("OPTIONS", "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKx"));
        TransactionKey b = TransactionKey.forServer(request("OPTIONS", "SIP/2.0/UDP 10.0.0.2:5070;branch=z9hG4bKx"));
        assertThat(a).isNotEqualTo(b);
    }
}
