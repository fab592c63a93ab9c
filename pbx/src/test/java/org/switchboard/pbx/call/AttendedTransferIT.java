package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.pbx.call.transfer.AttendedTransfer;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Attended transfer (REFER with Replaces, RFC 3891) through the B2BUA with SIPp phones: the
 * transferor talks to one party in each of two calls and REFERs one call naming its dialog in the
 * other; the PBX joins the two other parties in one call, hangs up both of the transferor's legs,
 * and the joined parties hear each other through the relay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendedTransferIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        pbx.addExtensions("2201", "2202", "2203", "2211", "2212", "2221", "2222", "2223", "2231", "2232",
                "2233", "2241", "2242", "2243", "2251",
                "2252", "2253");
    }

    @Test
    void theTransferorsHeldPartyAndItsOtherPartyEndUpInOneCallHearingEachOther() throws Exception {
        int heldPort = FreePorts.udpAndTcp();
        int transfereePort = FreePorts.udpAndTcp();
        pbx.register("2202", heldPort);
        pbx.register("2203", transfereePort);
        try (RtpSink heldMedia = new RtpSink(); RtpSink transfereeMedia = new RtpSink()) {
            Sipp.Running held = CallIT.startCallee(Sipp.scenario("uas_hold.xml").localPort(heldPort)
                    .key("rtp_port", Integer.toString(heldMedia.port())).key("codec", "8"), heldPort);
            Sipp.Running transferee = CallIT.startCallee(Sipp.scenario("uas_reinvited.xml").localPort(transfereePort)
                    .key("rtp_port", Integer.toString(transfereeMedia.port())).key("codec", "8"), transfereePort);

            // Call 1: 2201 calls 2202 and holds it; the scenario writes the Replaces naming that dialog.
            Sipp.Running firstCall = pbx.caller("attended_held.xml", "2201", "2202").key("codec", "8")
                    .key("sdp_ip", "127.0.0.1").option("-cid_str", "%u-%p-held").start();
            String replaces = awaitReplaces(firstCall.work());
            // Call 2: 2201 calls 2203, then REFERs it to 2202 replacing call 1.
            pbx.caller("attended_transferor.xml", "2201", "2203").key("codec", "8").key("sdp_ip", "127.0.0.1")
                    .key("target", "2202").key("replaces", replaces).run()
                    .assertAllCallsSucceeded("2201 calls 2203, REFERs with Replaces: 202, NOTIFY 100 and 200, BYE");
            firstCall.awaitResult().assertAllCallsSucceeded("2201 calls 2202, holds it, gets BYE once transferred");

            List<CallSnapshot> calls = pbx.calls.list().get(5, TimeUnit.SECONDS);
            assertThat(calls).as("calls in progress after the transfer").hasSize(1);
            CallSnapshot joined = calls.getFirst();
            assertThat(joined.legs()).as("legs of the joined call: the transferee in the transferor's place, then 2202")
                    .extracting(LegSnapshot::party).containsExactly("2203", "2202");

            transfereeMedia.sendPcma(relayPort(joined.legs().get(0)), 20);
            heldMedia.sendPcma(relayPort(joined.legs().get(1)), 20);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(heldMedia.received(8)).as("2203's RTP relayed to 2202").isPositive();
                assertThat(transfereeMedia.received(8)).as("2202's RTP relayed to 2203").isPositive();
            });

            assertThat(pbx.calls.hangUp(joined.id(), "test").get(5, TimeUnit.SECONDS)).isTrue();
            transferee.awaitResult().assertAllCallsSucceeded("2203 answers, is re-INVITEd into call 1, gets BYE");
            held.awaitResult().assertAllCallsSucceeded("2202 answers, is held, resumed towards 2203, gets BYE");
        }
        List<Cdr> cdrs = pbx.awaitCdrsOf("2201", 2);
        assertThat(cdrs).as("CDRs of 2201's two calls").extracting(Cdr::callee, Cdr::disposition, Cdr::hangupCause)
                .containsExactlyInAnyOrder(
                        tuple("2203", Disposition.ANSWERED, AttendedTransfer.CAUSE),
                        tuple("2202", Disposition.ANSWERED, "hung up by test"));
        pbx.awaitPortsFree();
    }

    @Test
    void aTransferorThatWasCalledHandsItsCallerToThePartyOfItsOwnCall() throws Exception {
        int transferorPort = FreePorts.udpAndTcp();
        int transfereePort = FreePorts.udpAndTcp();
        pbx.register("2221", transferorPort);
        pbx.register("2222", transfereePort);
        try (RtpSink callerMedia = new RtpSink(); RtpSink transfereeMedia = new RtpSink()) {
            Sipp.Running answered = CallIT.startCallee(Sipp.scenario("attended_answered.xml").localPort(transferorPort),
                    transferorPort);
            Sipp.Running transferee = CallIT.startCallee(Sipp.scenario("uas_reinvited.xml").localPort(transfereePort)
                    .key("rtp_port", Integer.toString(transfereeMedia.port())).key("codec", "8"), transfereePort);

            // Call 1: 2223 calls 2221, whose phone answers and writes the Replaces naming that dialog.
            Sipp.Running caller = pbx.caller("uac_reinvited.xml", "2223", "2221").key("codec", "8")
                    .key("sdp_ip", "127.0.0.1").key("rtp_port", Integer.toString(callerMedia.port())).start();
            String replaces = awaitReplaces(answered.work());
            // Call 2: 2221 calls 2222, then REFERs it to 2223 replacing call 1, where 2221 is the callee.
            pbx.caller("attended_transferor.xml", "2221", "2222").key("codec", "8").key("sdp_ip", "127.0.0.1")
                    .key("target", "2223").key("replaces", replaces).run()
                    .assertAllCallsSucceeded("2221 calls 2222, REFERs with Replaces: 202, NOTIFY 100 and 200, BYE");
            answered.awaitResult().assertAllCallsSucceeded("2221 answers 2223, gets BYE once transferred");

            List<CallSnapshot> calls = pbx.calls.list().get(5, TimeUnit.SECONDS);
            assertThat(calls).as("calls in progress after the transfer").hasSize(1);
            CallSnapshot joined = calls.getFirst();
            assertThat(joined.legs()).as("legs of the joined call: the caller 2223, then the transferee in 2221's place")
                    .extracting(LegSnapshot::party).containsExactly("2223", "2222");

            callerMedia.sendPcma(relayPort(joined.legs().get(0)), 20);
            transfereeMedia.sendPcma(relayPort(joined.legs().get(1)), 20);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(transfereeMedia.received(8)).as("2223's RTP relayed to 2222").isPositive();
                assertThat(callerMedia.received(8)).as("2222's RTP relayed to 2223").isPositive();
            });

            assertThat(pbx.calls.hangUp(joined.id(), "test").get(5, TimeUnit.SECONDS)).isTrue();
            caller.awaitResult().assertAllCallsSucceeded("2223 calls 2221, is re-INVITEd towards 2222, gets BYE");
            transferee.awaitResult().assertAllCallsSucceeded("2222 answers, is re-INVITEd into call 1, gets BYE");
        }
        List<Cdr> cdrs = pbx.awaitCdrsOf("2221", 2);
        assertThat(cdrs).as("CDRs of 2221's two calls").extracting(Cdr::caller, Cdr::callee, Cdr::hangupCause)
                .containsExactlyInAnyOrder(tuple("2221", "2222", AttendedTransfer.CAUSE),
                        tuple("2223", "2221", "hung up by test"));
        pbx.awaitPortsFree();
    }

    @Test
    void aCalledTransferorHandsItsCallerToItsHeldParty() throws Exception {
        int transferorPort = FreePorts.udpAndTcp();
        int heldPort = FreePorts.udpAndTcp();
        pbx.register("2251", transferorPort);
        pbx.register("2253", heldPort);
        try (RtpSink heldMedia = new RtpSink(); RtpSink callerMedia = new RtpSink()) {
            Sipp.Running held = CallIT.startCallee(Sipp.scenario("uas_hold.xml").localPort(heldPort)
                    .key("rtp_port", Integer.toString(heldMedia.port())).key("codec", "8"), heldPort);
            // Call 1: 2251 calls 2253 and holds it.
            Sipp.Running firstCall = pbx.caller("attended_held.xml", "2251", "2253").key("codec", "8")
                    .key("sdp_ip", "127.0.0.1").option("-cid_str", "%u-%p-held").start();
            String replaces = awaitReplaces(firstCall.work());
            // Call 2: 2252 calls 2251, which answers and REFERs it to 2253 replacing call 1: the
            // transferee is the referred call's caller, whose own Call-ID moves to call 1.
            Sipp.Running transferor = CallIT.startCallee(Sipp.scenario("attended_callee_transferor.xml")
                    .localPort(transferorPort).key("target", "2253").key("replaces", replaces), transferorPort);
            Sipp.Running caller = pbx.caller("uac_reinvited.xml", "2252", "2251").key("codec", "8")
                    .key("sdp_ip", "127.0.0.1").key("rtp_port", Integer.toString(callerMedia.port())).start();
            transferor.awaitResult().assertAllCallsSucceeded("2251 answers 2252, REFERs with Replaces: 202, NOTIFY 100 "
                    + "and 200, BYE");
            firstCall.awaitResult().assertAllCallsSucceeded("2251 calls 2253, holds it, gets BYE once transferred");

            List<CallSnapshot> calls = pbx.calls.list().get(5, TimeUnit.SECONDS);
            assertThat(calls).as("calls in progress after the transfer").hasSize(1);
            CallSnapshot joined = calls.getFirst();
            assertThat(joined.legs()).as("legs of the joined call: 2252 in the transferor's place, then 2253")
                    .extracting(LegSnapshot::party).containsExactly("2252", "2253");

            callerMedia.sendPcma(relayPort(joined.legs().get(0)), 20);
            heldMedia.sendPcma(relayPort(joined.legs().get(1)), 20);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(heldMedia.received(8)).as("2252's RTP relayed to 2253").isPositive();
                assertThat(callerMedia.received(8)).as("2253's RTP relayed to 2252").isPositive();
            });

            assertThat(pbx.calls.hangUp(joined.id(), "test").get(5, TimeUnit.SECONDS)).isTrue();
            caller.awaitResult().assertAllCallsSucceeded("2252 calls 2251, is re-INVITEd into call 1, gets BYE");
            held.awaitResult().assertAllCallsSucceeded("2253 answers, is held, resumed towards 2252, gets BYE");
        }
        List<Cdr> cdrs = pbx.awaitCdrsOf("2251", 2);
        assertThat(cdrs).as("CDRs of 2251's two calls").extracting(Cdr::caller, Cdr::callee, Cdr::hangupCause)
                .containsExactlyInAnyOrder(tuple("2252", "2251", AttendedTransfer.CAUSE),
                        tuple("2251", "2253", "hung up by test"));
        pbx.awaitPortsFree();
    }

    @Test
    void aReplacesNamingNoCallHereIsRefused481AndOneNamingTheReferringCall403AndTheCallGoesOn() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("2212", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = CallIT.answering(calleePort, calleeMedia, "8");

            // A Call-ID without '@', so that the scenario can name its own call in a Replaces unescaped.
            pbx.caller("transfer_refused_replaces.xml", "2211", "2212").key("codec", "8").key("target", "2203")
                    .option("-cid_str", "%u-%p-attended").run()
                    .assertAllCallsSucceeded("2211 calls 2212, REFERs replacing an unknown call (481) and its own (403), hangs up");
            callee.awaitResult().assertAllCallsSucceeded("2212 answers and gets the caller's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("2211");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }

    @Test
    void aReplacesWhoseTagsMatchNoDialogOfTheNamedCallFailsWithNotify481AndBothCallsGoOn() throws Exception {
        int transferorPort = FreePorts.udpAndTcp();
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("2231", transferorPort);
        pbx.register("2232", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running answered = CallIT.startCallee(Sipp.scenario("attended_answered.xml").localPort(transferorPort),
                    transferorPort);
            Sipp.Running callee = CallIT.answering(calleePort, calleeMedia, "8");
            Sipp.Running caller = pbx.caller("uac_wait_bye.xml", "2233", "2231").key("codec", "8")
                    .key("sdp_ip", "127.0.0.1").start();
            String wrongToTag = awaitReplaces(answered.work()).replace("to-tag%3D", "to-tag%3Dnot-");

            pbx.caller("attended_transferor_refused.xml", "2231", "2232").key("codec", "8").key("sdp_ip", "127.0.0.1")
                    .key("target", "2233").key("replaces", wrongToTag).run()
                    .assertAllCallsSucceeded("2231 calls 2232, REFERs with a Replaces of wrong tags: 202, NOTIFY 100 "
                            + "and 481, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("2232 answers and gets the transferor's BYE");

            List<CallSnapshot> calls = pbx.calls.list().get(5, TimeUnit.SECONDS);
            assertThat(calls).as("the named call goes on as it was").singleElement()
                    .satisfies(call -> assertThat(call.legs()).extracting(LegSnapshot::party).containsExactly("2233", "2231"));
            assertThat(pbx.calls.hangUp(calls.getFirst().id(), "test").get(5, TimeUnit.SECONDS)).isTrue();
            caller.awaitResult().assertAllCallsSucceeded("2233 calls 2231 and gets the PBX's BYE");
            answered.awaitResult().assertAllCallsSucceeded("2231 answers 2233 and gets the PBX's BYE");
        }
        List<Cdr> cdrs = pbx.awaitCdrsOf("2231", 2);
        assertThat(cdrs).as("CDRs of 2231's two calls").extracting(Cdr::caller, Cdr::hangupCause)
                .containsExactlyInAnyOrder(tuple("2231", "BYE from caller"), tuple("2233", "hung up by test"));
        pbx.awaitPortsFree();
    }

    @Test
    void aReplacesNamingACallStillRingingFailsWithNotify481AndTheCallRingsOn() throws Exception {
        int ringingPort = FreePorts.udpAndTcp();
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("2243", ringingPort);
        pbx.register("2242", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running ringing = CallIT.startCallee(Sipp.scenario("uas_ring.xml").localPort(ringingPort), ringingPort);
            Sipp.Running callee = CallIT.answering(calleePort, calleeMedia, "8");
            Sipp.Running early = pbx.caller("attended_ringing.xml", "2241", "2243").key("codec", "8")
                    .key("sdp_ip", "127.0.0.1").option("-cid_str", "%u-%p-ringing").start();
            String replaces = awaitReplaces(early.work());

            // RFC 3891 §3: an early dialog the PBX did not initiate (2241 is its caller) is not replaced.
            pbx.caller("attended_transferor_refused.xml", "2241", "2242").key("codec", "8").key("sdp_ip", "127.0.0.1")
                    .key("target", "2243").key("replaces", replaces).run()
                    .assertAllCallsSucceeded("2241 calls 2242, REFERs replacing its ringing call: 202, NOTIFY 100 "
                            + "and 481, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("2242 answers and gets the transferor's BYE");

            List<CallSnapshot> calls = pbx.calls.list().get(5, TimeUnit.SECONDS);
            assertThat(calls).as("the ringing call goes on as it was").singleElement()
                    .satisfies(call -> assertThat(call.state()).isEqualTo(CallState.RINGING));
            assertThat(pbx.calls.hangUp(calls.getFirst().id(), "test").get(5, TimeUnit.SECONDS)).isTrue();
            early.awaitResult().assertAllCallsSucceeded("2241 calls 2243, hears it ring, gets 487");
            ringing.awaitResult().assertAllCallsSucceeded("2243 rings until cancelled");
        }
        List<Cdr> cdrs = pbx.awaitCdrsOf("2241", 2);
        assertThat(cdrs).as("CDRs of 2241's two calls").extracting(Cdr::callee, Cdr::disposition)
                .containsExactlyInAnyOrder(tuple("2242", Disposition.ANSWERED), tuple("2243", Disposition.CANCELLED));
        pbx.awaitPortsFree();
    }

    /** The Replaces value attended_held.xml wrote once its call was answered and held. */
    private static String awaitReplaces(Path work) throws Exception {
        Path file = work.resolve("replaces.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file) && Files.readString(file).contains("from-tag"));
        return Files.readString(file).strip();
    }

    private static InetSocketAddress relayPort(LegSnapshot leg) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), leg.media().orElseThrow().localRtpPort());
    }
}
