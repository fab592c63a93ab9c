package org.switchboard.pbx.call;

import static org.switchboard.pbx.call.CallIT.assertFinalResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.dialplan.JdbiDialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabase;
import org.switchboard.store.testkit.TestDatabases;

/**
 * A dial-plan rule whose pattern makes a backtracking engine run for ever ({@code ((1+)+)+2})
 * against authenticated INVITEs dialling 40 ones: on the old engine two such calls froze both call
 * threads and SIP stopped answering; now each is answered and the node keeps registering phones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DialPlanPatternIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        TestDatabase db = TestDatabases.sqlite();
        // Stored before the node starts, as if an administrator had saved it earlier.
        new JdbiDialPlanRuleStore(db.database())
                .create(new NewDialPlanRule(5, "evil", "((1+)+)+2", RuleAction.REJECT, "603"), Instant.now());
        pbx = new CallHarness(db, Duration.ofSeconds(3), Duration.ofSeconds(60));
        pbx.addExtensions("1001", "1002", "1003");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void invitesDiallingFortyOnesAreAnsweredAndTheNodeKeepsServing() throws Exception {
        String fortyOnes = "1".repeat(40);
        for (String caller : new String[] {"1001", "1002"}) {
            Sipp.Result result = pbx.caller("uac_refused.xml", caller, fortyOnes).key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").run();
            result.assertAllCallsSucceeded(caller + " dials 40 ones past the rule ((1+)+)+2");
            assertFinalResponse(result, 404);
        }
        Sipp.Result evilMatch = pbx.caller("uac_refused.xml", "1001", "1".repeat(39) + "2").key("sdp_ip", "127.0.0.1")
                .key("codec", "8").run();
        evilMatch.assertAllCallsSucceeded("1001 dials 39 ones and a 2, which the rule refuses");
        assertFinalResponse(evilMatch, 603);

        pbx.register("1003", FreePorts.udpAndTcp());
    }
}
