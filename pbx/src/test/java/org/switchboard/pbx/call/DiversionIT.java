package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.callsettings.Forwarding;
import org.switchboard.store.callsettings.NewCallSettings;
import org.switchboard.store.cdr.Cdr;
import org.switchboard.store.cdr.Disposition;
import org.switchboard.store.testkit.TestDatabases;

/** The Diversion headers (RFC 5806) a forwarded call's final target gets, checked by a SIPp phone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiversionIT {
    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(5), Duration.ofSeconds(60));
        pbx.addExtensions("1201", "1202", "1203", "1204");
    }

    @Test
    void callForwardedAlwaysThenOnBusyReachesTheTargetWithOneDiversionPerHop() throws Exception {
        pbx.callSettings.update("1202", new NewCallSettings(new Forwarding(true, "1203"), Forwarding.OFF, Forwarding.OFF,
                NewCallSettings.DEFAULT_TIMEOUT_SECONDS, false), "test");
        pbx.callSettings.update("1203", new NewCallSettings(Forwarding.OFF, new Forwarding(true, "1204"), Forwarding.OFF,
                NewCallSettings.DEFAULT_TIMEOUT_SECONDS, false), "test");
        int busyPort = FreePorts.udpAndTcp();
        int targetPort = FreePorts.udpAndTcp();
        pbx.register("1203", busyPort);
        pbx.register("1204", targetPort);
        try (RtpSink media = new RtpSink()) {
            Sipp.Running busy = startCallee(Sipp.scenario("uas_busy.xml").localPort(busyPort), busyPort);
            Sipp.Running target = startCallee(Sipp.scenario("uas_answer_diverted.xml").localPort(targetPort)
                    .key("rtp_port", Integer.toString(media.port())).key("codec", "8"), targetPort);

            pbx.caller("uac_call.xml", "1201", "1202").key("sdp_ip", "127.0.0.1").key("codec", "8").run()
                    .assertAllCallsSucceeded("1201 calls 1202, forwarded always to busy 1203, forwarded on to 1204");
            busy.awaitResult().assertAllCallsSucceeded("1203 answers 486");
            target.awaitResult().assertAllCallsSucceeded(
                    "1204 gets Diversion 1203 user-busy, then 1202 unconditional, answers, gets the BYE");
        }
        Cdr cdr = pbx.awaitCdrOf("1201");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).isEqualTo("1204");
        pbx.awaitPortsFree();
    }
}
