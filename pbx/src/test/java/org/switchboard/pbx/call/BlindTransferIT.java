package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Blind transfer (REFER) through the B2BUA with three SIPp phones: one party of an answered call
 * transfers the other to a third extension, whose phone must then hear the transferee through the
 * relay, and the call's CDR ends with the transferee's BYE.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BlindTransferIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        pbx.addExtensions("2001", "2002", "2003", "2101", "2102", "2103");
    }

    @Test
    void theCalleeTransfersTheCallerToAThirdExtensionWhoHearsTheCaller() throws Exception {
        int transferorPort = FreePorts.udpAndTcp();
        int targetPort = FreePorts.udpAndTcp();
        pbx.register("2002", transferorPort);
        pbx.register("2003", targetPort);
        try (RtpSink targetMedia = new RtpSink()) {
            Sipp.Running target = CallIT.startCallee(Sipp.scenario("transfer_target.xml").localPort(targetPort)
                    .key("rtp_port", Integer.toString(targetMedia.port())), targetPort);
            Sipp.Running transferor = CallIT.startCallee(Sipp.scenario("transfer_callee_transferor.xml").localPort(transferorPort)
                    .key("target", "2003"), transferorPort);

            pbx.caller("transfer_caller_transferee.xml", "2001", "2002").key("codec", "8").run()
                    .assertAllCallsSucceeded("2001 calls 2002, is re-INVITEd to 2003, talks, hangs up");
            transferor.awaitResult().assertAllCallsSucceeded("2002 answers, REFERs to 2003, gets NOTIFY 100 and 200, then BYE");
            target.awaitResult().assertAllCallsSucceeded("2003 answers the transfer and gets the transferee's BYE");

            assertThat(targetMedia.received(8)).as("the transferee's A-law RTP relayed to the transfer target").isPositive();
        }
        Cdr cdr = pbx.awaitCdrOf("2001");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        pbx.awaitPortsFree();
    }

    @Test
    void theCallerTransfersTheCalleeToAThirdExtensionWhoHearsTheCallee() throws Exception {
        int transfereePort = FreePorts.udpAndTcp();
        int targetPort = FreePorts.udpAndTcp();
        pbx.register("2102", transfereePort);
        pbx.register("2103", targetPort);
        try (RtpSink targetMedia = new RtpSink()) {
            Sipp.Running target = CallIT.startCallee(Sipp.scenario("transfer_target.xml").localPort(targetPort)
                    .key("rtp_port", Integer.toString(targetMedia.port())), targetPort);
            Sipp.Running transferee = CallIT.startCallee(Sipp.scenario("transfer_callee_transferee.xml")
                    .localPort(transfereePort), transfereePort);

            pbx.caller("transfer_caller_transferor.xml", "2101", "2102").key("codec", "8").key("target", "2103").run()
                    .assertAllCallsSucceeded("2101 calls 2102, REFERs to 2103, gets NOTIFY 100 and 200, then BYE");
            transferee.awaitResult().assertAllCallsSucceeded("2102 answers, is re-INVITEd to 2103, talks, hangs up");
            target.awaitResult().assertAllCallsSucceeded("2103 answers the transfer and gets the transferee's BYE");

            assertThat(targetMedia.received(8)).as("the transferee's A-law RTP relayed to the transfer target").isPositive();
        }
        Cdr cdr = pbx.awaitCdrOf("2101");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.hangupCause()).isEqualTo("BYE from callee");
        pbx.awaitPortsFree();
    }
}
