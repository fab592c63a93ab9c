package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Session timers (RFC 4028) on the caller's leg with SIPp: an interval below the PBX's Min-SE is
 * refused with 422, and when the caller makes the PBX the refresher the PBX sends the refresh, and
 * ends the call when the refresh is refused. The refresh test waits half of the smallest interval
 * the RFC allows (45 s); its two calls run at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTimerIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(120));
        pbx.addExtensions("3001", "3002", "3003", "3004", "3005", "3006");
    }

    @Test
    void anIntervalBelowMinSeIsRefusedWith422() throws Exception {
        pbx.caller("uac_session_too_small.xml", "3001", "3002").key("codec", "8").key("session_expires", "60").run()
                .assertAllCallsSucceeded("3001 asks for Session-Expires 60 and gets 422 with Min-SE 90");
    }

    @Test
    void aCallerThatRefreshesItselfGetsItsIntervalNamedInEveryAnswer() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("3006", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = CallIT.startCallee(Sipp.scenario("uas_update.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "8"), calleePort);

            pbx.caller("uac_session_refresh.xml", "3005", "3006").key("codec", "8")
                    .key("session_expires", "90;refresher=uac").run()
                    .assertAllCallsSucceeded("3005 refreshes with UPDATE; both 200s carry Session-Expires 90;refresher=uac");
            callee.awaitResult().assertAllCallsSucceeded("3006 answers, gets the relayed UPDATE, then the BYE");
        }
        pbx.awaitPortsFree();
    }

    @Test
    void thePbxRefreshesTheCallersSessionWhenAskedToAndEndsTheCallWhenTheRefreshIsRefused() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        int refusingCalleePort = FreePorts.udpAndTcp();
        pbx.register("3002", calleePort);
        pbx.register("3004", refusingCalleePort);
        try (RtpSink calleeMedia = new RtpSink(); RtpSink refusingCalleeMedia = new RtpSink()) {
            Sipp.Running callee = CallIT.answering(calleePort, calleeMedia, "8");
            Sipp.Running refusingCallee = CallIT.answering(refusingCalleePort, refusingCalleeMedia, "8");

            Sipp.Running refusing = pbx.caller("uac_session_refresh_refused.xml", "3003", "3004").key("codec", "8")
                    .key("session_expires", "90;refresher=uas").runLimitSeconds(80).start();
            pbx.caller("uac_session_timer.xml", "3001", "3002").key("codec", "8")
                    .key("session_expires", "90;refresher=uas").runLimitSeconds(80).run()
                    .assertAllCallsSucceeded("3001 gets Session-Expires 90;refresher=uas, then the PBX's UPDATE, then hangs up");
            callee.awaitResult().assertAllCallsSucceeded("3002 answers and gets the BYE");
            refusing.awaitResult().assertAllCallsSucceeded("3003 refuses the PBX's UPDATE with 481 and gets a BYE");
            refusingCallee.awaitResult().assertAllCallsSucceeded("3004 answers and gets the BYE");
        }
        assertThat(pbx.awaitCdrOf("3003").hangupCause()).isEqualTo("session refresh failed: 481");
        pbx.awaitPortsFree();
    }
}
