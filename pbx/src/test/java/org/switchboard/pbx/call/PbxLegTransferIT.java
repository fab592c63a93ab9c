package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabases;

/**
 * {@link PbxLeg#transfer}: a test operator application answers callers of {@code *6<n>} and sends
 * them to {@code extension/<n>} (or, for {@code *69}, to the {@code mailbox} kind). Real SIPp
 * phones: the extension is offered only the caller's agreed codecs, rings (the caller hears ringback
 * meanwhile), answers, RTP flows both ways through the relay, its BYE ends both legs, and the one CDR
 * names the extension; an unregistered or busy extension fails the transfer (480, 486) and the leg
 * is the operator's again; an extension whose last resort is an application, and a transfer to that
 * kind directly, hand the answered leg to it at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PbxLegTransferIT {
    /** What the operator heard per caller: "transferred extension/1202", "failed 480 ...". */
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        ExtensionLastResort lastResort = (extension, reason) -> extension.equals("1214") || extension.equals("1217")
                ? Optional.of(new Destination("mailbox", "box" + extension)) : Optional.empty();
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30), HoldMusic.NONE,
                lastResort);
        pbx.addExtensions("1201", "1202", "1203", "1204", "1205", "1206", "1207", "1208", "1211", "1213", "1214", "1215",
                "1216", "1209", "1217");
        pbx.install(new ApplicationKind("operator", "answers and transfers", target -> { }), new Operator());
        pbx.install(new ApplicationKind("mailbox", "plays a tone and hangs up", target -> { }), new Mailbox());
        pbx.dialPlan.create(new NewDialPlanRule(40, "operator", "\\*6([0-9]{4})", new RuleAction("operator"), "extension/$1"),
                "test");
        pbx.dialPlan.create(new NewDialPlanRule(41, "operator to a mailbox", "\\*69", new RuleAction("operator"), "mailbox/box9"),
                "test");
    }

    @Test
    void theCallerIsBridgedToTheExtensionThatAnswersAndTheCallIsANormalCall() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1211", phone);
        try (RtpSink callerMedia = new RtpSink(); RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_transfer_target.xml").localPort(phone)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "0"), phone);
            Sipp.Running caller = pbx.caller("uac_pbx_answers.xml", "1201", "*61211").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0 8 3").key("rtp_port", Integer.toString(callerMedia.port())).start();

            CallSnapshot bridged = awaitBridged("1201", "1211");
            assertThat(bridged.callee()).isEqualTo("1211");
            assertThat(bridged.legs()).extracting(LegSnapshot::party).containsExactly("1201", "1211");
            assertThat(callerMedia.received(0)).as("PCMU ringback while 1211 rang for a second").isGreaterThan(20);
            callerMedia.sendPcma(relayPort(bridged.legs().get(0)), 20);
            calleeMedia.sendPcma(relayPort(bridged.legs().get(1)), 20);
            await().atMost(Duration.ofSeconds(3)).until(() -> calleeMedia.received(8) >= 20 && callerMedia.received(8) >= 20);

            callee.awaitResult().assertAllCallsSucceeded("1211 is offered the agreed codecs, answers, hangs up");
            caller.awaitResult().assertAllCallsSucceeded("1201 is answered by the operator and gets the BYE");
        }
        assertThat(outcomes.get("1201")).isEqualTo("transferred extension/1211");
        Cdr cdr = pbx.awaitCdrOf("1201");
        assertThat(cdr.callee()).isEqualTo("1211");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from callee");
        assertThat(cdr.codec()).isEqualTo("PCMU");
        assertThat(cdr.calleeAddress()).isEqualTo("127.0.0.1:" + phone);
        assertThat(pbx.cdrsOf("1201")).isEqualTo(1);
        pbx.awaitPortsFree();
    }

    @Test
    void afterTheBridgeTheExtensionsHoldIsRelayedToTheCaller() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1215", phone);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_reinvite_without_sdp.xml").localPort(phone)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), phone);
            Sipp.Running caller = pbx.caller("uac_offer_in_reinvite_ok.xml", "1207", "*61215").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").start();

            await().atMost(Duration.ofSeconds(10)).until(() -> pbx.calls.list().join().stream()
                    .anyMatch(c -> c.caller().equals("1207") && c.state() == CallState.ON_HOLD));
            caller.awaitResult().assertAllCallsSucceeded("1207 is re-INVITEd without SDP, offers, gets sendonly, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1215 holds with a re-INVITE without SDP, gets the BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1207");
        assertThat(cdr.callee()).isEqualTo("1215");
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }

    @Test
    void aCallerWithoutSdpIsTransferredInTheCodecItsAckChose() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1216", phone);
        try (RtpSink callerMedia = new RtpSink(); RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_hangup.xml").localPort(phone)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), phone);
            pbx.caller("uac_late_offer_pbx.xml", "1208", "*61216").key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .key("rtp_port", Integer.toString(callerMedia.port())).run()
                    .assertAllCallsSucceeded("1208 answers the PBX's offer in its ACK, is transferred, gets the BYE");
            callee.awaitResult().assertAllCallsSucceeded("1216 answers PCMA and hangs up");
        }
        Cdr cdr = pbx.awaitCdrOf("1208");
        assertThat(cdr.callee()).isEqualTo("1216");
        assertThat(cdr.codec()).isEqualTo("PCMA");
        assertThat(cdr.hangupCause()).isEqualTo("BYE from callee");
        pbx.awaitPortsFree();
    }

    @Test
    void anUnregisteredExtensionFailsTheTransferWith480AndTheLegStaysWithTheOperator() throws Exception {
        answeredByPbx("1202", "*61213");

        assertThat(outcomes.get("1202")).startsWith("failed 480 ");
        assertThat(pbx.awaitCdrOf("1202").hangupCause()).startsWith("operator: transfer failed 480");
    }

    @Test
    void aBusyExtensionFailsTheTransferWith486() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1206", phone);
        Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(phone), phone);

        answeredByPbx("1203", "*61206");

        busy.awaitResult().assertAllCallsSucceeded("1206 answers 486");
        assertThat(outcomes.get("1203")).isEqualTo("failed 486 Busy Here");
    }

    @Test
    void anExtensionWhoseLastResortIsAnApplicationHandsItTheAnsweredLeg() throws Exception {
        answeredByPbx("1204", "*61214");

        assertThat(outcomes.get("1204")).isEqualTo("transferred extension/1214");
        assertThat(pbx.awaitCdrOf("1204").hangupCause()).isEqualTo("mailbox box1214: unregistered");
    }

    @Test
    void aBusyExtensionWhoseLastResortIsAnApplicationHandsItTheLegAfterRinging() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1217", phone);
        Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(phone), phone);

        answeredByPbx("1209", "*61217");

        busy.awaitResult().assertAllCallsSucceeded("1217 answers 486");
        assertThat(outcomes.get("1209")).isEqualTo("transferred extension/1217");
        assertThat(pbx.awaitCdrOf("1209").hangupCause()).isEqualTo("mailbox box1217: busy");
    }

    @Test
    void aTransferToAnotherKindStartsItsApplicationOnTheAnsweredLeg() throws Exception {
        answeredByPbx("1205", "*69");

        assertThat(outcomes.get("1205")).isEqualTo("transferred mailbox/box9");
        assertThat(pbx.awaitCdrOf("1205").hangupCause()).isEqualTo("mailbox box9: -");
    }

    /** {@code caller} dials {@code dialled}, is answered by the PBX and hung up by it; every port is free after. */
    private void answeredByPbx(String caller, String dialled) throws Exception {
        try (RtpSink media = new RtpSink()) {
            pbx.caller("uac_pbx_answers.xml", caller, dialled).key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(media.port())).run()
                    .assertAllCallsSucceeded(caller + " dials " + dialled + " and gets the PBX's BYE");
        }
        pbx.awaitPortsFree();
    }

    private CallSnapshot awaitBridged(String caller, String callee) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> pbx.calls.list().join().stream()
                .filter(c -> c.caller().equals(caller) && c.callee().equals(callee) && c.state() == CallState.ANSWERED)
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    private static InetSocketAddress relayPort(LegSnapshot leg) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), leg.media().orElseThrow().localRtpPort());
    }

    /** Answers and transfers the caller to the rule's {@code kind/target}; a failed transfer ends the call. */
    private final class Operator implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication route) {
            List<String> parts = List.of(route.target().split("/", 2));
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.transfer(new Destination(parts.get(0), parts.get(1)));
                }

                @Override
                public void transferred(PbxLeg leg, Destination to) {
                    outcomes.put(leg.caller(), "transferred " + to.kind() + "/" + to.target());
                }

                @Override
                public void transferFailed(PbxLeg leg, Destination to, int status, String reason) {
                    outcomes.put(leg.caller(), "failed " + status + " " + reason);
                    leg.hangUp("operator: transfer failed " + status + " " + reason);
                }
            });
        }
    }

    /** Takes the leg, plays a short tone and hangs up naming the box and the reason it was given. */
    private static final class Mailbox implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication route) {
            String cause = "mailbox " + route.target() + ": " + route.argument().orElse("-");
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.play(AudioClip.tone(440, 0.3, Duration.ofMillis(300)).source());
                }

                @Override
                public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
                    leg.hangUp(cause);
                }
            });
        }
    }
}
