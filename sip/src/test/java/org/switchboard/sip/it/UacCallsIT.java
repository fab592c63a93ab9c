package org.switchboard.sip.it;

import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.app.MethodRouter;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.app.SipStackSettings;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.NextHop;
import org.switchboard.sip.transport.StackMetrics;
import org.switchboard.sip.transport.Transport;
import org.switchboard.sip.transport.TransportSettings;

/** The stack as caller (UAC) against SIPp as the called party: 2xx ACK + BYE, and the non-2xx ACK. */
class UacCallsIT {
    private static SipStack stack;

    @BeforeAll
    static void start() {
        stack = SipStack.start(SipStackSettings.of(TransportSettings.of(InetAddress.getLoopbackAddress(), 0, 0),
                StackMetrics.NONE), MethodRouter.builder().build());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    /** A caller that ACKs a 2xx through its dialog and then hangs up; records what happened. Call executor only. */
    private static final class Caller implements ClientTransactionListener<SipResponse> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final boolean cancelOnRinging;
        ClientTransaction invite;
        Dialog dialog;
        SipRequest sentAck;
        NextHop hop;

        Caller(boolean cancelOnRinging) {
            this.cancelOnRinging = cancelOnRinging;
        }

        @Override
        public void onProvisional(SipResponse response) {
            events.add("provisional " + response.status());
            if (cancelOnRinging && stack.cancel(invite, new Recorder(events, "cancel"))) {
                events.add("cancel sent");
            }
        }

        @Override
        public void onFinal(SipResponse response) {
            events.add("final " + response.status());
            if (!response.isSuccess()) {
                return;
            }
            if (dialog != null) {
                stack.resend(sentAck, hop.transport(), hop.address()); // a retransmitted 2xx: same ACK again
                return;
            }
            dialog = Dialog.asUac(invite.request(), response);
            hop = dialog.nextHop();
            sentAck = stack.sendStateless(dialog.ack(invite.request().cseq().number()), hop.transport(), hop.address());
            stack.send(dialog.newRequest(SipMethod.BYE).build(), hop.transport(), hop.address(), new Recorder(events, "bye"));
        }

        @Override
        public void onTimeout() {
            events.add("timeout");
        }

        @Override
        public void onTransportError(Throwable cause) {
            events.add("transport error");
        }
    }

    private record Recorder(List<String> events, String what) implements ClientTransactionListener<SipResponse> {
        @Override
        public void onProvisional(SipResponse response) {}

        @Override
        public void onFinal(SipResponse response) {
            events.add(what + " " + response.status());
        }

        @Override
        public void onTimeout() {
            events.add(what + " timeout");
        }

        @Override
        public void onTransportError(Throwable cause) {
            events.add(what + " transport error");
        }
    }

    private static Caller call(int sippPort) {
        return call(sippPort, false);
    }

    private static Caller call(int sippPort, boolean cancelOnRinging) {
        String callId = RandomTokens.callId();
        int ourPort = stack.localAddress(Transport.UDP).getPort();
        SipRequest invite = SipRequest.builder(SipMethod.INVITE, SipUri.parse("sip:callee@127.0.0.1:" + sippPort))
                .from(NameAddress.of(SipUri.parse("sip:pbx@127.0.0.1")).withTag(RandomTokens.tag()))
                .to(NameAddress.of(SipUri.parse("sip:callee@127.0.0.1")))
                .callId(callId)
                .cseq(1)
                .maxForwards(70)
                .contact(NameAddress.of(SipUri.parse("sip:pbx@127.0.0.1:" + ourPort)))
                .build();
        Caller caller = new Caller(cancelOnRinging);
        InetSocketAddress sipp = new InetSocketAddress(InetAddress.getLoopbackAddress(), sippPort);
        stack.executorFor(callId).execute(() -> caller.invite = stack.send(invite, Transport.UDP, sipp, caller));
        return caller;
    }

    @Test
    void answeredCallIsAcknowledgedThroughTheDialogAndHungUp() throws Exception {
        int sippPort = FreePorts.udpAndTcp();
        Sipp.Running sipp = Sipp.scenario("uas_answer.xml").localPort(sippPort).start();
        Caller caller = call(sippPort);
        Sipp.Result result = sipp.awaitResult();
        result.assertAllCallsSucceeded("SIPp UAS saw INVITE, our ACK and BYE");
        await().until(() -> caller.events.contains("bye 200"));
        assertThat(caller.events).startsWith("provisional 180", "final 200");
    }

    @Test
    void busyAnswerIsAcknowledgedByTheInviteTransactionItself() throws Exception {
        int sippPort = FreePorts.udpAndTcp();
        Sipp.Running sipp = Sipp.scenario("uas_busy.xml").localPort(sippPort).start();
        Caller caller = call(sippPort);
        sipp.awaitResult().assertAllCallsSucceeded("SIPp UAS got the ACK for its 486");
        await().until(() -> caller.events.contains("final 486"));
        assertThat(caller.events).containsExactly("final 486");
    }

    @Test
    void ringingCallIsCancelledAndTheInviteEndsWith487() throws Exception {
        int sippPort = FreePorts.udpAndTcp();
        Sipp.Running sipp = Sipp.scenario("uas_cancelled.xml").localPort(sippPort).start();
        Caller caller = call(sippPort, true);
        sipp.awaitResult().assertAllCallsSucceeded("SIPp UAS got CANCEL, then the ACK for its 487");
        await().until(() -> caller.events.contains("final 487") && caller.events.contains("cancel 200"));
        assertThat(caller.events).startsWith("provisional 180", "cancel sent");
    }
}
