package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.answering;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.pbx.milliwatt.MilliwattApplication;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A node with a one-second media timeout: an answered call whose phones send no RTP is hung up,
 * and so is a silent caller of a call the PBX answered itself (its media endpoint's timeout).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaTimeoutIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(1));
        pbx.addExtensions("1031", "1032", "1033", "1034");
        pbx.install(MilliwattApplication.KIND, new MilliwattApplication());
        pbx.dialPlan.create(new NewDialPlanRule(40, "test tone", "\\*43", new RuleAction("milliwatt"), "60"), "test");
    }

    @Test
    void silentCallIsHungUpOnBothSidesWithCauseMediaTimeout() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1032", calleePort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, media, "8");

            pbx.caller("uac_wait_bye.xml", "1031", "1032").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("silent 1031 gets the PBX's BYE");
            callee.awaitResult().assertAllCallsSucceeded("silent 1032 gets the PBX's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1031");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("media timeout");
        pbx.awaitPortsFree();
    }

    @Test
    void aSilentCallerOfACallThePbxAnsweredIsHungUpWithCauseMediaTimeout() throws Exception {
        try (RtpSink media = new RtpSink()) {
            pbx.caller("uac_pbx_answers.xml", "1033", "*43").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(media.port())).run()
                    .assertAllCallsSucceeded("silent 1033 on the test line gets the PBX's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1033");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("media timeout");
        pbx.awaitPortsFree();
    }

    @Test
    void aSilentPartyThePbxRangIsHungUpWithCauseMediaTimeout() throws Exception {
        int phone = FreePorts.udpAndTcp();
        pbx.register("1034", phone);
        try (RtpSink media = new RtpSink()) {
            // It rings for a second and a half, longer than the media timeout: the ring goes on regardless.
            Sipp.Running rung = CallIT.startCallee(Sipp.scenario("uas_ring_answer_wait_bye.xml").localPort(phone)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "0"), phone);
            pbx.calls.originate(new OriginateLeg(new OriginateLeg.Target.Extension("1034"), "1030", "", "test", Duration.ofSeconds(5),
                    false), leg -> { });
            rung.awaitResult().assertAllCallsSucceeded("silent 1034 answers after ringing and gets the PBX's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1034");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("media timeout");
        pbx.awaitPortsFree();
    }
}
