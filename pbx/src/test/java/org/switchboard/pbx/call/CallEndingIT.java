package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.pbx.call.CallIT.answering;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * How answered calls end and what passes between the phones meanwhile: the callee's BYE, an
 * admin's hang-up through {@link ActiveCalls}, the shutdown step that ends every call, INFO
 * and UPDATE relayed, and several calls at once giving every relay port back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallEndingIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(60));
        pbx.addExtensions("1021", "1022", "1023", "1024", "1025", "1026", "1027", "1028", "1029", "1030");
    }

    @Test
    void calleeHangingUpSendsByeToTheCaller() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1022", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_hangup.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "8"), calleePort);

            pbx.caller("uac_wait_bye.xml", "1021", "1022").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1021 gets the BYE after 1022 hung up");
            callee.awaitResult().assertAllCallsSucceeded("1022 answers, hangs up, gets 200");
        }
        Cdr cdr = pbx.awaitCdrOf("1021");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from callee");
        pbx.awaitPortsFree();
    }

    @Test
    void adminHangUpSendsByeToBothPhonesAndNamesTheAdmin() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1024", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, media, "8");
            Sipp.Running caller = pbx.caller("uac_wait_bye.xml", "1023", "1024").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").start();
            String id = awaitAnswered("1023");

            assertThat(pbx.calls.hangUp(id, "admin").join()).as("hang-up of a call in progress").isTrue();

            caller.awaitResult().assertAllCallsSucceeded("1023 gets the PBX's BYE");
            callee.awaitResult().assertAllCallsSucceeded("1024 gets the PBX's BYE");
            assertThat(pbx.calls.hangUp(id, "admin").join()).as("hang-up of an ended call").isFalse();
            assertThat(pbx.calls.find(id).join()).isEmpty();
        }
        Cdr cdr = pbx.awaitCdrOf("1023");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("hung up by admin");
        pbx.awaitPortsFree();
    }

    @Test
    void shutdownEndsTheCallsInProgressAndTheirByesLeaveBeforeTheStackCloses() throws Exception {
        // A node of its own, stopped in the server's order: end the calls, then close the stack at once.
        try (CallHarness node = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(60));
                RtpSink media = new RtpSink()) {
            node.addExtensions("1027", "1028");
            int calleePort = FreePorts.udpAndTcp();
            node.register("1028", calleePort);
            Sipp.Running callee = answering(calleePort, media, "8");
            Sipp.Running caller = node.caller("uac_wait_bye.xml", "1027", "1028").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").start();
            awaitAnswered(node, "1027");

            node.calls.endAll("server shutdown", Duration.ofSeconds(5));
            node.stack.close();

            assertThat(node.calls.list().join()).isEmpty();
            caller.awaitResult().assertAllCallsSucceeded("1027 gets BYE at shutdown");
            callee.awaitResult().assertAllCallsSucceeded("1028 gets BYE at shutdown");
            assertThat(node.awaitCdrOf("1027").hangupCause()).isEqualTo("server shutdown");
        }
    }

    @Test
    void infoDtmfAndUpdateAreRelayedToTheCalleeAndTheirAnswersBack() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1026", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_in_dialog.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "8"), calleePort);

            pbx.caller("uac_in_dialog.xml", "1025", "1026").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1025 sends INFO Signal=5 and an UPDATE offer, gets 200 and an anchored answer");
            callee.awaitResult().assertAllCallsSucceeded("1026 receives the INFO with its body and type, then the UPDATE offer");
        }
        assertThat(pbx.awaitCdrOf("1025").disposition()).isEqualTo(Disposition.ANSWERED);
    }

    @Test
    void severalCallsAtOnceGiveEveryRelayPortBack() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1030", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_answer.xml").localPort(calleePort).calls(5)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "8"), calleePort);

            pbx.caller("uac_call.xml", "1029", "1030").calls(5).rate(10).key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .run().assertAllCallsSucceeded("five overlapping calls from 1029 to 1030");
            callee.awaitResult().assertAllCallsSucceeded("1030 answers five calls");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.cdrsOf("1029") == 5);
        pbx.awaitPortsFree();
    }

    private String awaitAnswered(String caller) {
        return awaitAnswered(pbx, caller);
    }

    private static String awaitAnswered(CallHarness node, String caller) {
        await().atMost(Duration.ofSeconds(10)).until(() -> answeredCallOf(node, caller).isPresent());
        return answeredCallOf(node, caller).orElseThrow();
    }

    private static Optional<String> answeredCallOf(CallHarness node, String caller) {
        return node.calls.list().join().stream()
                .filter(c -> c.caller().equals(caller) && c.state() == CallState.ANSWERED)
                .map(CallSnapshot::id).findFirst();
    }
}
