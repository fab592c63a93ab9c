package org.switchboard.sip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.switchboard.sip.transport.Transport;

/** Real SIPp user agents against the test registrar/UAS, over UDP and TCP. One stack for the class. */
class SippScenariosIT {
    private static TestUas uas;

    @BeforeAll
    static void start() {
        uas = new TestUas();
    }

    @AfterAll
    static void stop() {
        uas.close();
    }

    @Test
    void optionsIsAnswered200OverUdp() throws Exception {
        Sipp.run("options.xml", uas.port(Transport.UDP), "u1", 10).assertAllCallsSucceeded("OPTIONS over UDP");
    }

    @Test
    void registerWithDigestIsChallengedThenAccepted() throws Exception {
        int before = uas.registrations.get();
        Sipp.run("register.xml", uas.port(Transport.UDP), "u1", 10,
                "-s", TestUas.USER, "-au", TestUas.USER, "-ap", TestUas.PASSWORD)
                .assertAllCallsSucceeded("REGISTER with digest over UDP");
        assertThat(uas.registrations.get() - before).isEqualTo(10);
    }

    @Test
    void registerWithWrongPasswordIsNeverAccepted() throws Exception {
        int before = uas.registrations.get();
        Sipp.Result result = Sipp.run("register.xml", uas.port(Transport.UDP), "u1", 2,
                "-s", TestUas.USER, "-au", TestUas.USER, "-ap", "wrong");
        assertThat(result.exitCode()).as("SIPp expected 200 and got a new 401").isNotZero();
        assertThat(uas.registrations.get()).isEqualTo(before);
    }

    @Test
    void inviteAckByeCallsCompleteOverUdp() throws Exception {
        int before = uas.endedCalls.get();
        Sipp.run("call.xml", uas.port(Transport.UDP), "u1", 20, "-s", "1002").assertAllCallsSucceeded("calls over UDP");
        assertThat(uas.endedCalls.get() - before).isEqualTo(20);
    }

    @Test
    void inviteAckByeCallsCompleteOverOneTcpConnection() throws Exception {
        int before = uas.endedCalls.get();
        Sipp.run("call.xml", uas.port(Transport.TCP), "t1", 20, "-s", "1002").assertAllCallsSucceeded("calls over TCP");
        assertThat(uas.endedCalls.get() - before).isEqualTo(20);
    }

    @Test
    void callsSurviveTenPercentPacketLossThroughRetransmissions() throws Exception {
        long retransmissionsBefore = uas.counters.retransmissions() + uas.counters.retransmissionsAbsorbed();
        Sipp.run("call.xml", uas.port(Transport.UDP), "u1", 20, "-s", "1002", "-lost", "10")
                .assertAllCallsSucceeded("calls over UDP with 10% loss");
        assertThat(uas.counters.retransmissions() + uas.counters.retransmissionsAbsorbed())
                .as("losses were recovered by retransmission").isGreaterThan(retransmissionsBefore);
        await().until(() -> uas.openDialogs() == 0);
    }
}
