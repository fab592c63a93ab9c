package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Calls between SIPp phones through the B2BUA on a real SQLite file: caller and callee are real
 * SIP peers, the media goes through the relay and is counted on the far side, and every call
 * leaves its CDR. Each test uses its own extensions, so they share one node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(3), Duration.ofSeconds(60));
        pbx.addExtensions("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010", "1011",
                "1012", "1013", "1014", "1015", "1016", "1017", "1018", "1019", "1033", "1034", "1035", "1036",
                "1037", "1038", "1039", "1040", "1041", "1042");
    }

    @Test
    void answeredCallCarriesTheCallersAudioThroughTheRelayAndIsRecorded() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1002", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");

            pbx.caller("uac_call.xml", "1001", "1002").key("sdp_ip", "127.0.0.1").key("codec", "8").run().assertAllCallsSucceeded("1001 calls 1002, talks, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1002 rings, answers, gets the BYE");

            assertThat(calleeMedia.received(8)).as("A-law RTP from the caller's pcap, relayed to the callee's SDP address")
                    .isPositive();
        }
        Cdr cdr = pbx.awaitCdrOf("1001");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).isEqualTo("1002");
        assertThat(cdr.codec()).isEqualTo("PCMA");
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        assertThat(cdr.calleeAddress()).isEqualTo("127.0.0.1:" + calleePort);
        assertThat(cdr.callerAddress()).startsWith("127.0.0.1:");
        assertThat(cdr.answeredAt()).isNotNull();
        pbx.awaitPortsFree();
    }

    @Test
    void callerCancellingWhileItRingsCancelsTheForkAndIsRecordedCancelled() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1004", calleePort);
        Sipp.Running callee = startCallee(Sipp.scenario("uas_ring.xml").localPort(calleePort), calleePort);

        pbx.caller("uac_cancel.xml", "1003", "1004").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                .assertAllCallsSucceeded("1003 cancels while 1004 rings: 200 for the CANCEL, 487 for the INVITE");
        callee.awaitResult().assertAllCallsSucceeded("1004 is cancelled by the PBX");

        Cdr cdr = pbx.awaitCdrOf("1003");
        assertThat(cdr.disposition()).isEqualTo(Disposition.CANCELLED);
        assertThat(cdr.hangupCause()).isEqualTo("CANCEL from caller");
        assertThat(cdr.answeredAt()).isNull();
        pbx.awaitPortsFree();
    }

    @Test
    void busyCalleeGivesTheCaller486AndABusyRecord() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1006", calleePort);
        Sipp.Running callee = startCallee(Sipp.scenario("uas_busy.xml").localPort(calleePort), calleePort);

        Sipp.Result caller = pbx.caller("uac_refused.xml", "1005", "1006").key("sdp_ip", "127.0.0.1").key("codec", "8").run();
        caller.assertAllCallsSucceeded("1005 calls busy 1006");
        callee.awaitResult().assertAllCallsSucceeded("1006 answers 486");

        assertFinalResponse(caller, 486);
        Cdr cdr = pbx.awaitCdrOf("1005");
        assertThat(cdr.disposition()).isEqualTo(Disposition.BUSY);
        assertThat(cdr.hangupCause()).isEqualTo("486 Busy Here");
        pbx.awaitPortsFree();
    }

    @Test
    void calleeWithoutRegisteredPhoneGives480() throws Exception {
        Sipp.Result caller = pbx.caller("uac_refused.xml", "1007", "1008").key("sdp_ip", "127.0.0.1").key("codec", "8").run();
        caller.assertAllCallsSucceeded("1007 calls 1008, which has no phone registered");

        assertFinalResponse(caller, 480);
        Cdr cdr = pbx.awaitCdrOf("1007");
        assertThat(cdr.disposition()).isEqualTo(Disposition.NO_ANSWER);
        assertThat(cdr.hangupCause()).isEqualTo("480 extension 1008 has no registered phone");
    }

    @Test
    void unknownNumberGives404() throws Exception {
        Sipp.Result caller = pbx.caller("uac_refused.xml", "1019", "555").key("sdp_ip", "127.0.0.1").key("codec", "8").run();
        caller.assertAllCallsSucceeded("1019 dials 555, which is no extension");

        assertFinalResponse(caller, 404);
        assertThat(pbx.awaitCdrOf("1019").disposition()).isEqualTo(Disposition.FAILED);
    }

    @Test
    void phonesRingingPastTheNoAnswerTimeoutAreCancelledAndTheCallerGets480() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1010", calleePort);
        Sipp.Running callee = startCallee(Sipp.scenario("uas_ring.xml").localPort(calleePort), calleePort);

        Sipp.Result caller = pbx.caller("uac_refused.xml", "1009", "1010").key("sdp_ip", "127.0.0.1").key("codec", "8").run();
        caller.assertAllCallsSucceeded("1009 calls 1010, which rings and rings");
        callee.awaitResult().assertAllCallsSucceeded("1010 is cancelled when the ring time is over");

        assertFinalResponse(caller, 480);
        Cdr cdr = pbx.awaitCdrOf("1009");
        assertThat(cdr.disposition()).isEqualTo(Disposition.NO_ANSWER);
        assertThat(cdr.hangupCause()).isEqualTo("no answer");
        pbx.awaitPortsFree();
    }

    @Test
    void answerWithNoCodecTheCallerOfferedGives488AndTheCalleeIsHungUp() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1012", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");

            Sipp.Result caller = pbx.caller("uac_refused.xml", "1011", "1012").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .run();
            caller.assertAllCallsSucceeded("1011 offers PCMU only to 1012, which answers PCMA");
            callee.awaitResult().assertAllCallsSucceeded("1012 answers, then gets the PBX's BYE");

            assertFinalResponse(caller, 488);
        }
        Cdr cdr = pbx.awaitCdrOf("1011");
        assertThat(cdr.disposition()).isEqualTo(Disposition.FAILED);
        assertThat(cdr.hangupCause()).startsWith("488");
        pbx.awaitPortsFree();
    }

    @Test
    void holdAndResumeReInvitesAreRelayedWithTheirDirections() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1014", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_hold.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), calleePort);

            Sipp.Running caller = pbx.caller("uac_hold.xml", "1013", "1014").key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .start();
            await().atMost(Duration.ofSeconds(10)).until(() -> stateOf("1013").filter(s -> s == CallState.ON_HOLD).isPresent());
            caller.awaitResult().assertAllCallsSucceeded("1013 holds (sendonly, gets recvonly), resumes, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1014 sees sendonly, then sendrecv, then the BYE");
        }
        assertThat(pbx.awaitCdrOf("1013").disposition()).isEqualTo(Disposition.ANSWERED);
        pbx.awaitPortsFree();
    }

    @Test
    void callerBehindNatGetsTheCalleesAudioAtTheAddressItSendsFrom() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1016", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");
            // The caller's SDP names a documentation address (RFC 5737) it does not send from.
            Sipp.Running caller = pbx.caller("uac_call.xml", "1015", "1016").key("sdp_ip", "192.0.2.10").key("codec", "8")
                    .start();

            LegSnapshot.Media callerMedia = awaitLeg("1015", "caller", m -> m.latched());
            assertThat(callerMedia.remoteRtpAddress()).as("latched onto the caller's real source").startsWith("127.0.0.1:");
            int calleeRelayPort = awaitLeg("1015", "callee", m -> m.localRtpPort() > 0).localRtpPort();
            calleeMedia.sendPcma(new InetSocketAddress(InetAddress.getLoopbackAddress(), calleeRelayPort), 20);
            LegSnapshot.Media relayed = awaitLeg("1015", "caller", m -> m.packetsSent() == 20);
            assertThat(relayed.remoteRtpAddress()).isEqualTo(callerMedia.remoteRtpAddress());

            caller.awaitResult().assertAllCallsSucceeded("1015 behind NAT calls 1016");
            callee.awaitResult().assertAllCallsSucceeded("1016 answers");
            assertThat(calleeMedia.received(8)).as("the caller's audio reached the callee").isPositive();
        }
        assertThat(pbx.awaitCdrOf("1015").disposition()).isEqualTo(Disposition.ANSWERED);
        pbx.awaitPortsFree();
    }

    @Test
    void callerOverTcpReachesACalleeOverUdp() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1018", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");

            pbx.callerOver("uac_call.xml", "1017", "1018", "t1", pbx.tcpPort()).key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .run().assertAllCallsSucceeded("1017 calls 1018 over TCP");
            callee.awaitResult().assertAllCallsSucceeded("1018 answers over UDP");
            assertThat(calleeMedia.received(8)).isPositive();
        }
        Cdr cdr = pbx.awaitCdrOf("1017");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }

    @Test
    void everyRegisteredPhoneRingsAndTheOneNotAnsweringIsCancelled() throws Exception {
        int deskPort = FreePorts.udpAndTcp();
        int mobilePort = FreePorts.udpAndTcp();
        pbx.register("1034", deskPort);
        pbx.register("1034", mobilePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running desk = answering(deskPort, media, "8");
            Sipp.Running mobile = startCallee(Sipp.scenario("uas_ring.xml").localPort(mobilePort), mobilePort);

            pbx.caller("uac_call.xml", "1033", "1034").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1033 calls 1034, whose desk phone answers");
            desk.awaitResult().assertAllCallsSucceeded("the desk phone answers and gets the BYE");
            mobile.awaitResult().assertAllCallsSucceeded("the other phone rang and was cancelled when the desk answered");
        }
        Cdr cdr = pbx.awaitCdrOf("1033");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.calleeAddress()).isEqualTo("127.0.0.1:" + deskPort);
        pbx.awaitPortsFree();
    }

    @Test
    void busyCalleeWithForwardOnBusyRingsTheTargetWhichAnswers() throws Exception {
        pbx.callSettings.update("1036", new NewCallSettings(Forwarding.OFF, new Forwarding(true, "1037"), Forwarding.OFF,
                NewCallSettings.DEFAULT_TIMEOUT_SECONDS, false), "test");
        int busyPort = FreePorts.udpAndTcp();
        int targetPort = FreePorts.udpAndTcp();
        pbx.register("1036", busyPort);
        pbx.register("1037", targetPort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(busyPort), busyPort);
            Sipp.Running target = answering(targetPort, media, "8");

            pbx.caller("uac_call.xml", "1035", "1036").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1035 calls busy 1036 and is answered by 1037");
            busy.awaitResult().assertAllCallsSucceeded("1036 answers 486");
            target.awaitResult().assertAllCallsSucceeded("1037 rings, answers, gets the BYE");
            assertThat(media.received(8)).isPositive();
        }
        Cdr cdr = pbx.awaitCdrOf("1035");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).as("the extension finally reached").isEqualTo("1037");
        assertThat(cdr.calleeAddress()).isEqualTo("127.0.0.1:" + targetPort);
        pbx.awaitPortsFree();
    }

    @Test
    void unansweredCalleeWithForwardOnNoAnswerRingsTheTargetAfterItsRingTime() throws Exception {
        pbx.callSettings.update("1039", new NewCallSettings(Forwarding.OFF, Forwarding.OFF, new Forwarding(true, "1040"),
                NewCallSettings.MIN_TIMEOUT_SECONDS, false), "test");
        int ringingPort = FreePorts.udpAndTcp();
        int targetPort = FreePorts.udpAndTcp();
        pbx.register("1039", ringingPort);
        pbx.register("1040", targetPort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running ringing = startCallee(Sipp.scenario("uas_ring.xml").localPort(ringingPort), ringingPort);
            Sipp.Running target = answering(targetPort, media, "8");

            pbx.caller("uac_call.xml", "1038", "1039").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1038 calls 1039, which does not answer, and is answered by 1040");
            ringing.awaitResult().assertAllCallsSucceeded("1039 rings until its ring time is over, then is cancelled");
            target.awaitResult().assertAllCallsSucceeded("1040 rings, answers, gets the BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1038");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).isEqualTo("1040");
        pbx.awaitPortsFree();
    }

    @Test
    void earlyMediaOfTheCalleeIsAnchoredAndReachesTheCallerBeforeTheAnswer() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1042", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_early_media.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), calleePort);
            Sipp.Running caller = pbx.caller("uac_early_media.xml", "1041", "1042").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").start();

            int calleeRelayPort = awaitLeg("1041", "callee", m -> m.localRtpPort() > 0).localRtpPort();
            assertThat(stateOf("1041")).as("183 relayed, not yet answered").contains(CallState.RINGING);
            calleeMedia.sendPcma(new InetSocketAddress(InetAddress.getLoopbackAddress(), calleeRelayPort), 10);
            awaitLeg("1041", "caller", m -> m.packetsSent() == 10);

            caller.awaitResult().assertAllCallsSucceeded("1041 gets a 183 with SDP, then the 200");
            callee.awaitResult().assertAllCallsSucceeded("1042 sends 183 with SDP, answers, gets the BYE");
        }
        assertThat(pbx.awaitCdrOf("1041").disposition()).isEqualTo(Disposition.ANSWERED);
        pbx.awaitPortsFree();
    }

    private Optional<CallState> stateOf(String caller) {
        return pbx.calls.list().join().stream().filter(c -> c.caller().equals(caller)).map(CallSnapshot::state).findFirst();
    }

    private LegSnapshot.Media awaitLeg(String caller, String role, Predicate<LegSnapshot.Media> condition) {
        AtomicReference<LegSnapshot.Media> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            pbx.calls.list().join().stream().filter(c -> c.caller().equals(caller)).flatMap(c -> c.legs().stream())
                    .filter(l -> l.role().equals(role)).flatMap(l -> l.media().stream()).filter(condition).findFirst()
                    .ifPresent(seen::set);
            return seen.get() != null;
        });
        return seen.get();
    }

    /** SIPp's screen counts each scenario message: the caller received this final status once. */
    static void assertFinalResponse(Sipp.Result caller, int status) {
        assertThat(caller.screen()).as("the caller's final response").containsPattern("\\s" + status + " <-+\\s+1\\s");
    }

    static Sipp.Running startCallee(Sipp sipp, int port) throws IOException {
        Sipp.Running running = sipp.start();
        awaitListening(port);
        return running;
    }

    /** Starts the callee's SIPp on the port it registered from, once it listens there. */
    static Sipp.Running answering(int port, RtpSink media, String codec) throws IOException {
        return startCallee(Sipp.scenario("uas_answer.xml").localPort(port).key("rtp_port", Integer.toString(media.port()))
                .key("codec", codec), port);
    }

    private static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
