package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Blind transfer (REFER) to an application: the callee of an answered call REFERs its caller to
 * {@code *69}, which the dial plan sends to a test mailbox application. Real SIPp phones: the
 * transferor gets 202, NOTIFY 100 and 200 and its BYE; the caller, with no re-INVITE, hears the
 * application's tone through the relay port it already sends to and is hung up by it; one CDR.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferToApplicationTransferIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1401", "1402");
        pbx.install(new ApplicationKind("mailbox", "plays a tone and hangs up", target -> { }), new Mailbox());
        pbx.dialPlan.create(new NewDialPlanRule(41, "mailbox", "\\*69", new RuleAction("mailbox"), "box9"), "test");
    }

    @Test
    void theCalleeTransfersItsCallerToAnApplicationWhichTakesItWithoutAReInvite() throws Exception {
        int transferorPort = FreePorts.udpAndTcp();
        pbx.register("1402", transferorPort);
        try (RtpSink callerMedia = new RtpSink()) {
            Sipp.Running transferor = startCallee(Sipp.scenario("transfer_callee_to_application.xml").localPort(transferorPort)
                    .key("target", "*69"), transferorPort);

            pbx.caller("uac_pbx_answers.xml", "1401", "1402").key("sdp_ip", "127.0.0.1").key("codec", "8")
                    .key("rtp_port", Integer.toString(callerMedia.port())).run()
                    .assertAllCallsSucceeded("1401 calls 1402, is transferred to the mailbox and hung up by it");
            transferor.awaitResult().assertAllCallsSucceeded("1402 answers, REFERs to *69, gets NOTIFY 200, then BYE");

            assertThat(callerMedia.received(8)).as("PCMA packets of the mailbox's half-second tone").isBetween(15, 35);
        }
        Cdr cdr = pbx.awaitCdrOf("1401");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("mailbox box9 for 1401");
        assertThat(pbx.cdrsOf("1401")).isEqualTo(1);
        pbx.awaitPortsFree();
    }

    /** Takes the leg, plays half a second of tone and hangs up. */
    private static final class Mailbox implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication route) {
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.play(AudioClip.tone(440, 0.3, Duration.ofMillis(500)).source());
                }

                @Override
                public void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {
                    leg.hangUp("mailbox " + route.target() + " for " + leg.caller());
                }
            });
        }
    }
}
