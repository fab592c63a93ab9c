package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Collecting digits on a leg the PBX answered, with a real SIPp caller pressing keys by SIP INFO:
 * a small application registered like a feature module's collects up to four keys ended by
 * {@code #} and hangs up naming what it got, so the CDR's cause shows the result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectDigitsIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1051", "1052");
        pbx.install(new ApplicationKind("collect", "collects up to four keys", target -> { }), new Collect());
        pbx.dialPlan.create(new NewDialPlanRule(40, "collect", "\\*50", new RuleAction("collect"), "x"), "test");
    }

    @Test
    void keysUpToTheTerminatorAreCollectedWithoutIt() throws Exception {
        try (RtpSink caller = new RtpSink()) {
            pbx.caller("uac_pbx_answers_keys.xml", "1051", "*50").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(caller.port()))
                    .key("digit1", "1").key("digit2", "2").key("digit3", "#").run()
                    .assertAllCallsSucceeded("1051 presses 1, 2, # and gets the PBX's BYE");
        }
        assertThat(pbx.awaitCdrOf("1051").hangupCause()).isEqualTo("collected 12 TERMINATOR");
        pbx.awaitPortsFree();
    }

    @Test
    void aPauseAfterAKeyEndsTheCollectionWithWhatCame() throws Exception {
        try (RtpSink caller = new RtpSink()) {
            pbx.caller("uac_pbx_answers_key.xml", "1052", "*50").key("sdp_ip", "127.0.0.1").key("codec", "0")
                    .key("rtp_port", Integer.toString(caller.port())).key("digit", "7").run()
                    .assertAllCallsSucceeded("1052 presses 7, waits, and gets the PBX's BYE");
        }
        assertThat(pbx.awaitCdrOf("1052").hangupCause()).isEqualTo("collected 7 TIMEOUT");
        pbx.awaitPortsFree();
    }

    /** Answers, collects, and hangs up with the result as the cause. */
    private static final class Collect implements Application {
        @Override
        public void start(IncomingCall call, Route.ToApplication destination) {
            call.answer(new PbxLegListener() {
                @Override
                public void answered(PbxLeg leg) {
                    leg.collectDigits(new DigitCollection(4, Optional.of('#'), Duration.ofSeconds(10), Duration.ofSeconds(1)));
                }

                @Override
                public void digitsCollected(PbxLeg leg, DigitCollection.Result result) {
                    leg.hangUp("collected " + result.digits() + " " + result.ending());
                }
            });
        }
    }
}
