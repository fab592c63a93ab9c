package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.answering;

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

/** A node with a one-second media timeout: an answered call whose phones send no RTP is hung up. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaTimeoutIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(1));
        pbx.addExtensions("1031", "1032");
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
}
