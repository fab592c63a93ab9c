package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.answering;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.ringgroup.RingGroupKind;
import org.switchboard.pbx.ringgroup.RingGroupService;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.ringgroup.FinalAction;
import org.switchboard.store.ringgroup.JdbiRingGroupStore;
import org.switchboard.store.ringgroup.NewRingGroup;
import org.switchboard.store.ringgroup.RingStrategy;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Ring groups rung for real SIPp phones: the dial plan sends 6xx to kind {@code ring_group}, whose
 * members' registered phones ring while the caller hears them ring (nothing answers it but a member
 * or the final action). Ring all: two phones ring together, one answers, the other gets CANCEL.
 * Hunt: the first member rings for the group's 5 s and is cancelled, the second answers. Every
 * member busy, on do-not-disturb or unregistered: the final action, a test mailbox application
 * standing in for voicemail, answers the still unanswered caller, told the reason. The CDR's callee is
 * the member who answered. A caller the PBX answered (an operator application) transferred to a
 * group is bridged to the member who answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RingGroupIT {
    @AutoClose
    private CallHarness pbx;
    private RingGroupService groups;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(30), Duration.ofSeconds(30));
        pbx.addExtensions("1301", "1302", "1303", "1304", "1305", "1306", "1307", "1308", "1309", "1310", "1311");
        pbx.install(new ApplicationKind("mailbox", "answers for groups nobody answered", target -> { }), new Mailbox());
        pbx.install(new ApplicationKind("operator", "answers and transfers to a ring group", target -> { }), new Operator());
        pbx.dialPlan.create(new NewDialPlanRule(40, "operator", "\\*64", new RuleAction("operator"), "front"), "test");
        groups = new RingGroupService(new JdbiRingGroupStore(pbx.db.database()), pbx.extensions(), pbx.dialPlan.kinds(),
                Clock.systemUTC(), pbx.events);
        pbx.dialPlan.kinds().register(new RingGroupKind(groups));
        groups.reloadCache();
        group(601, "sales", RingStrategy.RING_ALL, List.of("1302", "1303"), Optional.empty());
        group(602, "support", RingStrategy.HUNT, List.of("1304", "1305"), Optional.empty());
        group(603, "night", RingStrategy.RING_ALL, List.of("1306", "1307", "1308"),
                Optional.of(new FinalAction("mailbox", "box1306")));
        group(604, "front", RingStrategy.RING_ALL, List.of("1310", "1311"), Optional.empty());
    }

    private void group(int number, String name, RingStrategy strategy, List<String> members, Optional<FinalAction> last) {
        groups.create(new NewRingGroup(name, strategy, members, 5, last), "test");
        pbx.dialPlan.create(new NewDialPlanRule(number - 600, name, Integer.toString(number),
                RuleAction.parse(RingGroupKind.NAME).orElseThrow(), name), "test");
    }

    @Test
    void ringAllRingsEveryMemberAndTheFirstAnswerWinsWhileTheOtherIsCancelled() throws Exception {
        int ringing = FreePorts.udpAndTcp();
        int answering = FreePorts.udpAndTcp();
        pbx.register("1302", ringing);
        pbx.register("1303", answering);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running rings = startCallee(Sipp.scenario("uas_ring.xml").localPort(ringing), ringing);
            Sipp.Running answers = answering(answering, media, "8");

            pbx.caller("uac_call.xml", "1301", "601").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1301 calls group 601, talks, hangs up");
            answers.awaitResult().assertAllCallsSucceeded("1303 rings, answers, gets the BYE");
            rings.awaitResult().assertAllCallsSucceeded("1302 rings and gets the CANCEL");
            assertThat(media.received(8)).as("the caller's audio reaches the member who answered").isPositive();
        }
        Cdr cdr = pbx.awaitCdrsOf("1303", 1).getFirst();
        assertThat(cdr.caller()).isEqualTo("1301");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).as("the member who answered").isEqualTo("1303");
        assertThat(cdr.calleeAddress()).isEqualTo("127.0.0.1:" + answering);
        pbx.awaitPortsFree();
    }

    @Test
    void huntRingsTheFirstMemberForTheRingTimeThenTheSecondWhoAnswers() throws Exception {
        int first = FreePorts.udpAndTcp();
        int second = FreePorts.udpAndTcp();
        pbx.register("1304", first);
        pbx.register("1305", second);
        long started = System.nanoTime();
        try (RtpSink media = new RtpSink()) {
            Sipp.Running rings = startCallee(Sipp.scenario("uas_ring.xml").localPort(first), first);
            Sipp.Running answers = answering(second, media, "8");

            pbx.caller("uac_call.xml", "1301", "602").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1301 calls group 602, talks, hangs up");
            rings.awaitResult().assertAllCallsSucceeded("1304 rings for the group's 5 s and gets the CANCEL");
            answers.awaitResult().assertAllCallsSucceeded("1305 rings next, answers, gets the BYE");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the first member's ring time").isGreaterThan(Duration.ofSeconds(5));
        Cdr cdr = pbx.awaitCdrsOf("1305", 1).getFirst();
        assertThat(cdr.caller()).isEqualTo("1301");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(Duration.between(cdr.startedAt(), cdr.answeredAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
        pbx.awaitPortsFree();
    }

    @Test
    void busyDoNotDisturbAndUnregisteredMembersAreSkippedAndTheFinalActionTakesTheCall() throws Exception {
        int busyPhone = FreePorts.udpAndTcp();
        pbx.register("1306", busyPhone);
        pbx.register("1307", FreePorts.udpAndTcp());
        pbx.callSettings.update("1307", new NewCallSettings(Forwarding.OFF, Forwarding.OFF, Forwarding.OFF,
                NewCallSettings.DEFAULT_TIMEOUT_SECONDS, true), "test");
        Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(busyPhone), busyPhone);

        try (RtpSink media = new RtpSink()) {
            pbx.caller("uac_pbx_answers.xml", "1309", "603").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(media.port())).run()
                    .assertAllCallsSucceeded("1309 calls group 603, is answered by the final action and gets its BYE");
            assertThat(media.received(0)).as("PCMU packets of the final action's tone").isBetween(15, 35);
        }
        busy.awaitResult().assertAllCallsSucceeded("1306 answers 486 (1307 on do-not-disturb and 1308 unregistered never ring)");
        Cdr cdr = pbx.awaitCdrOf("1309");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("mailbox box1306 for 603: busy");
        pbx.awaitPortsFree();
    }

    @Test
    void aCallerThePbxAnsweredIsTransferredToAGroupAndBridgedToTheMemberWhoAnswers() throws Exception {
        int ringing = FreePorts.udpAndTcp();
        int answering = FreePorts.udpAndTcp();
        pbx.register("1310", ringing);
        pbx.register("1311", answering);
        try (RtpSink callerMedia = new RtpSink(); RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running rings = startCallee(Sipp.scenario("uas_ring.xml").localPort(ringing), ringing);
            Sipp.Running answers = startCallee(Sipp.scenario("uas_transfer_target.xml").localPort(answering)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "0"), answering);

            // uas_transfer_target checks it is offered only what the caller agreed with the PBX: 0 8 101 of 0 8 3.
            pbx.caller("uac_pbx_answers.xml", "1301", "*64").key("sdp_ip", "127.0.0.1").key("codec", "0 8 3")
                    .key("rtp_port", Integer.toString(callerMedia.port())).run()
                    .assertAllCallsSucceeded("1301 is answered by the operator, sent to group front, and gets the BYE");
            answers.awaitResult().assertAllCallsSucceeded("1311 rings, answers, hangs up");
            rings.awaitResult().assertAllCallsSucceeded("1310 rings and gets the CANCEL");
        }
        assertThat(operatorOutcome).isEqualTo("transferred ring_group/front");
        Cdr cdr = pbx.awaitCdrsOf("1311", 1).getFirst();
        assertThat(cdr.caller()).isEqualTo("1301");
        assertThat(cdr.callee()).as("the member who answered").isEqualTo("1311");
        assertThat(cdr.hangupCause()).isEqualTo("BYE from callee");
        pbx.awaitPortsFree();
    }

    private volatile String operatorOutcome;

    /** Answers and transfers the caller to the ring group the rule names. */
    private final class Operator implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication route) {
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.transfer(new Destination(RingGroupKind.NAME, route.target()));
                }

                @Override
                public void transferred(PbxLeg leg, Destination to) {
                    operatorOutcome = "transferred " + to.kind() + "/" + to.target();
                }

                @Override
                public void transferFailed(PbxLeg leg, Destination to, int status, String reason) {
                    operatorOutcome = "failed " + status + " " + reason;
                    leg.hangUp("operator: transfer failed " + status);
                }
            });
        }
    }

    /** Answers, plays half a second of tone, and hangs up naming the box and the reason it got. */
    private static final class Mailbox implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication destination) {
            String cause = "mailbox " + destination.target() + " for " + call.dialled() + ": "
                    + destination.argument().orElse("?");
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.play(AudioClip.tone(440, 0.3, Duration.ofMillis(500)).source());
                }

                @Override
                public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
                    leg.hangUp(cause);
                }
            });
        }
    }
}
