package org.switchboard.sip.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.StackCounters;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/**
 * Overload: one call thread held by a handler, a limit of one waiting task, a raw UDP peer. What
 * waits is counted, not timed, so the test decides exactly when the stack is backed up.
 */
class LoadSheddingTest {
    private final StackCounters counters = new StackCounters();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private SipStack stack;
    private UdpPeer peer;
    private InetSocketAddress udp;

    @BeforeEach
    void start() throws Exception {
        MethodRouter router = MethodRouter.builder()
                .on(SipMethod.OPTIONS, tx -> {
                    String callId = tx.request().callId();
                    if (callId.equals("busy")) {
                        entered.countDown();
                        awaitRelease();
                    }
                    handled.add(callId);
                    tx.respond(tx.request().createResponse(200).withToTag(RandomTokens.tag()));
                })
                .build();
        SipStackSettings settings = SipStackSettings.of(
                        TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0), counters)
                .withCallThreads(1)
                .withOverload(new OverloadSettings(1, Duration.ofSeconds(7)));
        stack = SipStack.start(settings, router);
        udp = stack.localAddress(Transport.UDP);
        peer = new UdpPeer();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        peer.close();
        stack.close();
    }

    private String options(String callId, String toTag) {
        return "OPTIONS sip:uas@127.0.0.1:" + udp.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + peer.port() + ";branch=z9hG4bK-" + callId + ";rport\r\n"
                + "From: <sip:peer@127.0.0.1>;tag=p1\r\n"
                + "To: <sip:uas@127.0.0.1>" + toTag + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    @Test
    void aNewRequestFindingTheExecutorsBackedUpIsAnswered503WithRetryAfterAndNeverQueued() throws Exception {
        peer.send(options("busy", ""), udp);
        assertThat(entered.await(10, TimeUnit.SECONDS)).as("the handler holds the only call thread").isTrue();
        peer.send(options("waiting", ""), udp); // queued: the limit of one waiting task is reached

        peer.send(options("shed", ""), udp);
        String shed = peer.receive();
        assertThat(shed).startsWith("SIP/2.0 503 Service Unavailable").contains("Retry-After: 7")
                .contains("Call-ID: shed").containsPattern("To: <sip:uas@127.0.0.1>;tag=");

        // Inside a dialog (To tag) a request is never shed: it may end work.
        peer.send(options("in-dialog", ";tag=ours"), udp);
        release.countDown();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(peer.receive());
        }
        assertThat(answers).allMatch(a -> a.startsWith("SIP/2.0 200"));
        assertThat(handled).containsExactly("busy", "waiting", "in-dialog");
        assertThat(counters.requestsShed()).isEqualTo(1);
    }
}
