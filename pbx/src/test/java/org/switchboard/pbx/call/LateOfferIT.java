package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.pbx.call.CallIT.answering;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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
 * Delayed offers through the B2BUA with SIPp phones, the real relay and a real SQLite file: an
 * INVITE without SDP (the PBX offers, the caller answers in its ACK), a caller whose ACK brings no
 * usable answer, and re-INVITEs without SDP from either side (the other phone offers in the 200,
 * the answer goes back in the ACK).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LateOfferIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        pbx.addExtensions("1101", "1102", "1103", "1104", "1105", "1106", "1107", "1108", "1109", "1110");
    }

    @Test
    void inviteWithoutSdpIsOfferedByThePbxAndCarriesRtpBothWays() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1102", calleePort);
        try (RtpSink callerMedia = new RtpSink(); RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_answer_pbx_offer.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), calleePort);
            Sipp.Running caller = pbx.caller("uac_late_offer.xml", "1101", "1102").key("sdp_ip", "127.0.0.1")
                    .key("rtp_port", Integer.toString(callerMedia.port())).key("codec", "8").start();

            // The caller's answer came in its ACK once the relay knows its RTP address from it.
            CallSnapshot call = awaitCall("1101", c -> c.state() == CallState.ANSWERED && leg(c, "caller")
                    .flatMap(LegSnapshot::media).flatMap(m -> Optional.ofNullable(m.remoteRtpAddress()))
                    .filter(a -> a.equals("127.0.0.1:" + callerMedia.port())).isPresent());
            InetAddress loopback = InetAddress.getLoopbackAddress();
            callerMedia.sendPcma(new InetSocketAddress(loopback, relayPort(call, "caller")), 20);
            calleeMedia.sendPcma(new InetSocketAddress(loopback, relayPort(call, "callee")), 20);
            await().atMost(Duration.ofSeconds(10)).until(() -> calleeMedia.received(8) == 20 && callerMedia.received(8) == 20);

            assertThat(pbx.calls.hangUp(call.id(), "test").join()).isTrue();
            caller.awaitResult().assertAllCallsSucceeded("1101 calls without SDP, answers the PBX's offer in its ACK");
            callee.awaitResult().assertAllCallsSucceeded("1102 gets the PBX's own offer, answers PCMA");
        }
        Cdr cdr = pbx.awaitCdrOf("1101");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.codec()).isEqualTo("PCMA");
        assertThat(cdr.hangupCause()).isEqualTo("hung up by test");
        pbx.awaitPortsFree();
    }

    @Test
    void ackWithoutAnAnswerEndsBothLegs() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1104", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");
            pbx.caller("uac_late_offer_no_answer.xml", "1103", "1104").key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .run().assertAllCallsSucceeded("1103 ACKs the PBX's offer without an answer and gets a BYE");
            callee.awaitResult().assertAllCallsSucceeded("1104 answers and gets the PBX's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1103");
        assertThat(cdr.disposition()).isEqualTo(Disposition.FAILED);
        assertThat(cdr.hangupCause()).isEqualTo("no SDP answer in the caller's ACK");
        pbx.awaitPortsFree();
    }

    @Test
    void ackAnswerWithACodecNotOfferedEndsBothLegs() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1106", calleePort);
        try (RtpSink callerMedia = new RtpSink(); RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");
            pbx.caller("uac_late_offer.xml", "1105", "1106").key("sdp_ip", "127.0.0.1")
                    .key("rtp_port", Integer.toString(callerMedia.port())).key("codec", "0")
                    .run().assertAllCallsSucceeded("1105 answers PCMU to an offer of PCMA and gets a BYE");
            callee.awaitResult().assertAllCallsSucceeded("1106 answers PCMA and gets the PBX's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1105");
        assertThat(cdr.disposition()).isEqualTo(Disposition.FAILED);
        assertThat(cdr.hangupCause()).startsWith("caller's ACK answer not acceptable: answer shares no codec");
        pbx.awaitPortsFree();
    }

    @Test
    void callersReInviteWithoutSdpGetsTheCalleesOfferAndItsAnswerReachesTheCallee() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1108", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_offer_in_reinvite_ok.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), calleePort);
            Sipp.Running caller = pbx.caller("uac_reinvite_without_sdp.xml", "1107", "1108").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").start();

            awaitCall("1107", c -> c.state() == CallState.ON_HOLD);
            caller.awaitResult().assertAllCallsSucceeded("1107 re-INVITEs without SDP, gets 1108's offer, answers sendonly");
            callee.awaitResult().assertAllCallsSucceeded("1108 offers in the 200, gets the sendonly answer in the ACK");
        }
        assertThat(pbx.awaitCdrOf("1107").hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }

    @Test
    void calleesReInviteWithoutSdpGetsTheCallersOfferAndItsAnswerReachesTheCaller() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1110", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_reinvite_without_sdp.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), calleePort);
            Sipp.Running caller = pbx.caller("uac_offer_in_reinvite_ok.xml", "1109", "1110").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").start();

            awaitCall("1109", c -> c.state() == CallState.ON_HOLD);
            caller.awaitResult().assertAllCallsSucceeded("1109 offers in the 200, gets the sendonly answer in the ACK");
            callee.awaitResult().assertAllCallsSucceeded("1110 re-INVITEs without SDP, gets 1109's offer, answers sendonly");
        }
        assertThat(pbx.awaitCdrOf("1109").hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }

    private CallSnapshot awaitCall(String caller, java.util.function.Predicate<CallSnapshot> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> callOf(caller).filter(condition).isPresent());
        return callOf(caller).orElseThrow();
    }

    private Optional<CallSnapshot> callOf(String caller) {
        return pbx.calls.list().join().stream().filter(c -> c.caller().equals(caller)).findFirst();
    }

    private static Optional<LegSnapshot> leg(CallSnapshot call, String role) {
        return call.legs().stream().filter(l -> l.role().equals(role)).findFirst();
    }

    private static int relayPort(CallSnapshot call, String role) {
        return leg(call, role).flatMap(LegSnapshot::media).orElseThrow().localRtpPort();
    }
}
