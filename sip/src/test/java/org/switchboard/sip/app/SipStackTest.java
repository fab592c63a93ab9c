package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/** The whole stack on loopback, driven by a raw UDP peer writing SIP by hand. */
class SipStackTest {
    private final StackCounters counters = new StackCounters();
    private final AtomicInteger optionsSeen = new AtomicInteger();
    private final List<Long> orderedCSeqs = new CopyOnWriteArrayList<>();
    private final List<ServerTransaction> invites = new CopyOnWriteArrayList<>();
    private final List<ServerTransaction> cancelled = new CopyOnWriteArrayList<>();
    private SipStack stack;
    private UdpPeer peer;
    private InetSocketAddress udp;

    @BeforeEach
    void start() throws Exception {
        MethodRouter router = MethodRouter.builder()
                .on(SipMethod.OPTIONS, tx -> {
                    optionsSeen.incrementAndGet();
                    if (tx.request().callId().equals("ordered")) {
                        orderedCSeqs.add(tx.request().cseq().number());
                    }
                    tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag()));
                })
                .on(SipMethod.INVITE, invites::add) // left ringing: the test cancels it
                .on(SipMethod.MESSAGE, tx -> {
                    throw new IllegalStateException("handler bug");
                })
                .onCancelled(cancelled::add)
                .dialogs(new org.switchboard.sip.dialog.DialogTable())
                .build();
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0), counters),
                router);
        udp = stack.localAddress(Transport.UDP);
        peer = new UdpPeer();
    }

    @AfterEach
    void stop() {
        peer.close();
        stack.close();
    }

    private String request(String method, String branch, String callId, int cseq, String extraHeaders) {
        return method + " sip:uas@127.0.0.1:" + udp.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 10.9.9.9:5070;branch=" + branch + ";rport\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=p1\r\n"
                + "To: <sip:uas@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + " " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void responseGoesToTheSourcePortWithReceivedAndRportStamped() throws Exception {
        peer.send(request("OPTIONS", "z9hG4bKo1", "c1", 1, ""), udp);
        String response = peer.receive();
        assertThat(response).startsWith("SIP/2.0 200");
        assertThat(response).contains("received=127.0.0.1").contains("rport=" + peer.port());
    }

    @Test
    void requestsOfOneCallIdReachTheApplicationInTheOrderTheyArrived() throws Exception {
        // Parsing runs on the call threads now; the Call-ID's serial executor must keep the order.
        int count = 200;
        for (int cseq = 1; cseq <= count; cseq++) {
            peer.send(request("OPTIONS", "z9hG4bKord" + cseq, "ordered", cseq, ""), udp);
        }
        for (int i = 0; i < count; i++) {
            assertThat(peer.receive()).startsWith("SIP/2.0 200");
        }
        assertThat(orderedCSeqs).as("CSeq numbers in the order the application saw them")
                .isEqualTo(LongStream.rangeClosed(1, count).boxed().toList());
    }

    @Test
    void retransmittedRequestReachesTheApplicationOnceAndGetsTheSameResponse() throws Exception {
        String options = request("OPTIONS", "z9hG4bKo2", "c2", 1, "");
        peer.send(options, udp);
        String first = peer.receive();
        peer.send(options, udp);
        String second = peer.receive();
        assertThat(second).isEqualTo(first);
        assertThat(optionsSeen).hasValue(1);
        assertThat(counters.retransmissionsAbsorbed()).isEqualTo(1);
    }

    @Test
    void rfc2543RequestWithoutMagicCookieIsStillMatchedForRetransmissions() throws Exception {
        String options = request("OPTIONS", "old1", "c3", 1, "");
        peer.send(options, udp);
        peer.receive();
        peer.send(options, udp);
        peer.receive();
        assertThat(optionsSeen).hasValue(1);
    }

    @Test
    void inviteGets100TryingAndCancelEndsItWith487() throws Exception {
        peer.send(request("INVITE", "z9hG4bKi1", "c4", 1, ""), udp);
        assertThat(peer.receive()).startsWith("SIP/2.0 100 Trying");
        await().until(() -> invites.size() == 1);

        peer.send(request("CANCEL", "z9hG4bKi1", "c4", 1, ""), udp);
        String first = peer.receive();
        String second = peer.receive();
        assertThat(List.of(first, second)).anyMatch(r -> r.startsWith("SIP/2.0 200") && r.contains("CSeq: 1 CANCEL"))
                .anyMatch(r -> r.startsWith("SIP/2.0 487") && r.contains("CSeq: 1 INVITE"));
        await().until(() -> cancelled.size() == 1);

        // RFC 3261 §17.2.1: the 487 is retransmitted until the ACK, which then ends the transaction.
        assertThat(peer.receive()).startsWith("SIP/2.0 487");
        String toTag = second.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        peer.send(request("ACK", "z9hG4bKi1", "c4", 1, "").replace("To: <sip:uas@127.0.0.1>", toTag), udp);
        assertThat(peer.receiveWithin(1500)).as("no 487 after the ACK").isEmpty();
    }

    @Test
    void inDialogRequestForAnUnknownDialogGets481() throws Exception {
        peer.send(request("OPTIONS", "z9hG4bKd1", "c8", 2, "").replace("To: <sip:uas@127.0.0.1>",
                "To: <sip:uas@127.0.0.1>;tag=gone"), udp);
        assertThat(peer.receive()).startsWith("SIP/2.0 481");
        assertThat(optionsSeen).hasValue(0);
    }

    @Test
    void cancelAfterThe200LeavesTheAnsweredInviteAlone() throws Exception {
        peer.send(request("INVITE", "z9hG4bKi2", "c10", 1, ""), udp);
        assertThat(peer.receive()).startsWith("SIP/2.0 100");
        await().until(() -> invites.size() == 1);
        ServerTransaction invite = invites.getFirst();
        invite.executor().execute(() -> invite.respond(invite.request().createResponse(200).withToTag("uas")));
        assertThat(peer.receive()).startsWith("SIP/2.0 200").contains("CSeq: 1 INVITE");

        peer.send(request("CANCEL", "z9hG4bKi2", "c10", 1, ""), udp);
        String next = peer.receive();
        while (next.contains("CSeq: 1 INVITE")) {
            next = peer.receive(); // retransmitted 2xx (no ACK sent in this test)
        }
        assertThat(next).startsWith("SIP/2.0 200").contains("CSeq: 1 CANCEL");
        java.util.concurrent.CountDownLatch drained = new java.util.concurrent.CountDownLatch(1);
        invite.executor().execute(drained::countDown); // runs after the CANCEL's own task
        await().until(() -> drained.getCount() == 0);
        assertThat(cancelled).as("RFC 3261 §9.2: a CANCEL after the final response changes nothing").isEmpty();
    }

    @Test
    void cancelForUnknownInviteGets481() throws Exception {
        peer.send(request("CANCEL", "z9hG4bKnone", "c5", 1, ""), udp);
        assertThat(peer.receive()).startsWith("SIP/2.0 481");
    }

    @Test
    void unknownMethodGets405WithAllow() throws Exception {
        peer.send(request("SUBSCRIBE", "z9hG4bKs1", "c6", 1, ""), udp);
        String response = peer.receive();
        assertThat(response).startsWith("SIP/2.0 405").contains("Allow: OPTIONS, INVITE, MESSAGE, ACK, CANCEL");
    }

    @Test
    void answerableBadRequestGets400NamingTheFault() throws Exception {
        peer.send(request("OPTIONS", "z9hG4bKb1", "c7", 1, "").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"), udp);
        String response = peer.receive();
        assertThat(response).startsWith("SIP/2.0 400 CSeq method does not match request method")
                .contains("rport=" + peer.port()).contains("Call-ID: c7");
        assertThat(counters.parseFailures()).isEqualTo(1);
        assertThat(optionsSeen).hasValue(0);
    }

    @Test
    void failingHandlerStillAnswers500() throws Exception {
        peer.send(request("MESSAGE", "z9hG4bKm1", "c9", 1, ""), udp);
        assertThat(peer.receive()).startsWith("SIP/2.0 500");
    }

    @Test
    void garbageIsDroppedAndCounted() throws Exception {
        peer.send("this is not SIP\r\n\r\n", udp);
        assertThat(peer.receiveWithin(500)).isEmpty();
        assertThat(counters.parseFailures()).isEqualTo(1);
    }

    @Test
    void clientTransactionDeliversTheFinalResponseOnTheCallExecutor() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        SipRequest options = SipRequest.builder(SipMethod.OPTIONS, SipUri.parse("sip:peer@127.0.0.1:" + peer.port()))
                .from(NameAddress.of(SipUri.parse("sip:pbx@127.0.0.1")).withTag("t1"))
                .to(NameAddress.of(SipUri.parse("sip:peer@127.0.0.1")))
                .callId("client-1")
                .cseq(1)
                .maxForwards(70)
                .build();
        InetSocketAddress peerAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port());
        stack.executorFor("client-1").execute(() -> stack.send(options, Transport.UDP, peerAddress,
                new ClientTransactionListener<SipResponse>() {
                    @Override
                    public void onProvisional(SipResponse response) {
                        events.add("provisional");
                    }

                    @Override
                    public void onFinal(SipResponse response) {
                        events.add("final " + response.status() + " on " + Thread.currentThread().getName());
                    }

                    @Override
                    public void onTimeout() {
                        events.add("timeout");
                    }

                    @Override
                    public void onTransportError(Throwable cause) {
                        events.add("error");
                    }
                }));
        String received = peer.receive();
        assertThat(received).startsWith("OPTIONS sip:peer@").contains(";rport").contains("branch=z9hG4bK");
        String via = received.lines().filter(l -> l.startsWith("Via:")).findFirst().orElseThrow();
        peer.send("SIP/2.0 200 OK\r\n" + via + "\r\nFrom: <sip:pbx@127.0.0.1>;tag=t1\r\n"
                + "To: <sip:peer@127.0.0.1>;tag=x\r\nCall-ID: client-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
                udp);
        await().until(() -> !events.isEmpty());
        assertThat(events).singleElement().asString().startsWith("final 200 on call-");
    }

    @Test
    void udpRequestOverTheMtuLimitGoesOverTcpToTheSamePort() throws Exception {
        try (java.net.ServerSocket tcpPeer = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SipRequest big = SipRequest.builder(SipMethod.OPTIONS, SipUri.parse("sip:peer@127.0.0.1:" + tcpPeer.getLocalPort()))
                    .from(NameAddress.of(SipUri.parse("sip:pbx@127.0.0.1")).withTag("t1"))
                    .to(NameAddress.of(SipUri.parse("sip:peer@127.0.0.1")))
                    .callId("big-1")
                    .cseq(1)
                    .maxForwards(70)
                    .header("Subject", "x".repeat(1400))
                    .build();
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), tcpPeer.getLocalPort());
            stack.executorFor("big-1").execute(() -> stack.send(big, Transport.UDP, target, new NoOpListener()));
            tcpPeer.setSoTimeout(5000);
            try (java.net.Socket accepted = tcpPeer.accept()) {
                accepted.setSoTimeout(5000);
                StringBuilder received = new StringBuilder();
                java.io.InputStream in = accepted.getInputStream();
                for (int b; !received.toString().endsWith("\r\n\r\n") && (b = in.read()) >= 0; ) {
                    received.append((char) b);
                }
                String text = received.toString();
                assertThat(text).as("RFC 3261 §18.1.1: over 1300 bytes goes over TCP").contains("Via: SIP/2.0/TCP ");
            }
        }
    }

    @Test
    void aLargeRequestToAPeerWithoutTcpIsSentAgainOverUdpAndAnswered() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        SipRequest big = SipRequest.builder(SipMethod.OPTIONS, SipUri.parse("sip:peer@127.0.0.1:" + peer.port()))
                .from(NameAddress.of(SipUri.parse("sip:pbx@127.0.0.1")).withTag("t1"))
                .to(NameAddress.of(SipUri.parse("sip:peer@127.0.0.1")))
                .callId("big-udp-1")
                .cseq(1)
                .maxForwards(70)
                .header("Subject", "x".repeat(1400))
                .build();
        InetSocketAddress peerAddress = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.port());
        stack.executorFor("big-udp-1").execute(() -> stack.send(big, Transport.UDP, peerAddress,
                new NoOpListener() {
                    @Override
                    public void onFinal(SipResponse response) {
                        events.add("final " + response.status());
                    }

                    @Override
                    public void onTransportError(Throwable cause) {
                        events.add("error " + cause);
                    }
                }));

        String received = peer.receive(); // the peer's port has no TCP listener: the connection was refused
        assertThat(received).as("RFC 3261 §18.1.1: TCP refused, sent again over UDP")
                .startsWith("OPTIONS sip:peer@").contains("Via: SIP/2.0/UDP ").contains("x".repeat(1400));
        String via = received.lines().filter(l -> l.startsWith("Via:")).findFirst().orElseThrow();
        peer.send("SIP/2.0 200 OK\r\n" + via + "\r\nFrom: <sip:pbx@127.0.0.1>;tag=t1\r\n"
                + "To: <sip:peer@127.0.0.1>;tag=x\r\nCall-ID: big-udp-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
                udp);
        await().until(() -> !events.isEmpty());
        assertThat(events).as("the TU hears the answer, never the TCP failure").containsExactly("final 200");
    }

    private static class NoOpListener implements ClientTransactionListener<SipResponse> {
        @Override
        public void onProvisional(SipResponse response) {}

        @Override
        public void onFinal(SipResponse response) {}

        @Override
        public void onTimeout() {}

        @Override
        public void onTransportError(Throwable cause) {}
    }
}
