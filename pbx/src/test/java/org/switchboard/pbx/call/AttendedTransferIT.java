package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Attended transfer (REFER with Replaces, RFC 3891) through the B2BUA with SIPp phones. The PBX
 * does not join two calls yet; what it does is checked here: a Replaces naming no call of this node
 * is refused with 481, one naming a call here with 501, and the call goes on as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendedTransferIT {
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        pbx.addExtensions("2201", "2202", "2203");
    }

    @AfterAll
    void stop() {
        pbx.close();
    }

    @Test
    void aReplacesIsRefused481WhenItNamesNoCallHereElse501AndTheCallGoesOn() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("2202", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = CallIT.answering(calleePort, calleeMedia, "8");

            // A Call-ID without '@', so that the scenario can name its own call in a Replaces unescaped.
            pbx.caller("transfer_refused_replaces.xml", "2201", "2202").key("codec", "8").key("target", "2203")
                    .option("-cid_str", "%u-%p-attended").run()
                    .assertAllCallsSucceeded("2201 calls 2202, REFERs replacing an unknown call (481) and its own (501), hangs up");
            callee.awaitResult().assertAllCallsSucceeded("2202 answers and gets the caller's BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("2201");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }
}
