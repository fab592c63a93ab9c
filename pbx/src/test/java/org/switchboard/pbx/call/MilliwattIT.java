package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.pbx.milliwatt.MilliwattApplication;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabases;

/**
 * The call engine end to end with a real SIPp caller: a dial-plan rule sends a number to the
 * milliwatt application, the PBX answers the call itself on its own media endpoint, plays the
 * 1004 Hz tone (checked with Goertzel at the caller's RTP port), and hangs up when the tone ends
 * or when the caller presses a key (SIP INFO); each with its CDR and every port back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MilliwattIT {
    private static final RuleAction MILLIWATT = new RuleAction("milliwatt");

    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1041", "1042", "1043", "1044");
        pbx.install(MilliwattApplication.KIND, new MilliwattApplication());
        pbx.dialPlan.create(new NewDialPlanRule(40, "test tone", "\\*43", MILLIWATT, "2"), "test");
        pbx.dialPlan.create(new NewDialPlanRule(41, "long test tone", "\\*44", MILLIWATT, "30"), "test");
    }

    @Test
    void theTestLineAnswersPlaysTheToneAndHangsUpWhenItEnds() throws Exception {
        short[] heard;
        try (RtpSink caller = new RtpSink()) {
            pbx.caller("uac_pbx_answers.xml", "1041", "*43").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(caller.port())).run()
                    .assertAllCallsSucceeded("1041 dials *43: 200 from the PBX, then its BYE");
            assertThat(caller.received(0)).as("PCMU packets of a two-second tone at 50 per second").isBetween(90, 110);
            heard = caller.pcmuAudio();
        }
        Goertzel tone = new Goertzel(1004, 8000);
        Goertzel other = new Goertzel(1500, 8000);
        int middle = heard.length / 2;
        assertThat(tone.relativePower(heard, middle, 800)).as("1004 Hz in the middle of what the caller got").isGreaterThan(0.8);
        assertThat(other.relativePower(heard, middle, 800)).as("1500 Hz").isLessThan(0.05);
        Cdr cdr = pbx.awaitCdrOf("1041");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).isEqualTo("*43");
        assertThat(cdr.hangupCause()).isEqualTo("milliwatt finished");
        assertThat(cdr.codec()).isEqualTo("PCMU");
        pbx.awaitPortsFree();
    }

    @Test
    void aKeyPressedBySipInfoEndsTheToneAtOnce() throws Exception {
        try (RtpSink caller = new RtpSink()) {
            Sipp.Result result = pbx.caller("uac_pbx_answers_key.xml", "1042", "*44").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0").key("rtp_port", Integer.toString(caller.port())).key("digit", "5").run();
            result.assertAllCallsSucceeded("1042 dials *44, presses 5 by INFO and gets the PBX's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1042");
        assertThat(cdr.hangupCause()).isEqualTo("milliwatt ended by key 5");
        assertThat(cdr.durationSeconds()).as("ended long before the 30-second tone").isLessThan(10);
        pbx.awaitPortsFree();
    }

    @Test
    void aCallerWithoutSdpGetsThePbxsOfferAndTheToneInTheCodecItsAckChose() throws Exception {
        try (RtpSink caller = new RtpSink()) {
            pbx.caller("uac_late_offer_pbx.xml", "1044", "*43").key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .key("rtp_port", Integer.toString(caller.port())).run()
                    .assertAllCallsSucceeded("1044 sends no SDP, answers the PBX's offer with PCMA in its ACK, gets BYE");
            assertThat(caller.received(8)).as("PCMA packets of the two-second tone").isBetween(90, 110);
            assertThat(caller.received(0)).as("PCMU packets").isZero();
        }
        Cdr cdr = pbx.awaitCdrOf("1044");
        assertThat(cdr.hangupCause()).isEqualTo("milliwatt finished");
        assertThat(cdr.codec()).isEqualTo("PCMA");
        pbx.awaitPortsFree();
    }

    @Test
    void theApiListsACallThePbxAnsweredAndHangsItUp() throws Exception {
        try (RtpSink caller = new RtpSink()) {
            Sipp.Running running = pbx.caller("uac_pbx_answers.xml", "1043", "*44").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0").key("rtp_port", Integer.toString(caller.port())).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> answeredCallOf("1043").isPresent());
            CallSnapshot call = answeredCallOf("1043").orElseThrow();
            assertThat(call.callee()).isEqualTo("*44");
            assertThat(call.codec()).contains("PCMU");

            assertThat(pbx.calls.hangUp(call.id(), "admin").join()).as("hang-up of the test line call").isTrue();

            running.awaitResult().assertAllCallsSucceeded("1043 gets the PBX's BYE");
            assertThat(pbx.calls.find(call.id()).join()).isEmpty();
        }
        assertThat(pbx.awaitCdrOf("1043").hangupCause()).isEqualTo("hung up by admin");
        pbx.awaitPortsFree();
    }

    private Optional<CallSnapshot> answeredCallOf(String caller) {
        return pbx.calls.list().join().stream()
                .filter(c -> c.caller().equals(caller) && c.state() == CallState.ANSWERED).findFirst();
    }
}
