package org.switchboard.sip.it;

import org.switchboard.sip.testkit.Sipp;

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
        Sipp.scenario("options.xml").target(uas.port(Transport.UDP)).calls(10).run().assertAllCallsSucceeded("OPTIONS over UDP");
    }

    @Test
    void registerWithDigestIsChallengedThenAccepted() throws Exception {
        int before = uas.registrations.get();
        Sipp.scenario("register.xml").target(uas.port(Transport.UDP)).calls(10)
                .credentials(TestUas.USER, TestUas.PASSWORD).run()
                .assertAllCallsSucceeded("REGISTER with digest over UDP");
        assertThat(uas.registrations.get() - before).isEqualTo(10);
    }

    @Test
    void registerWithWrongPasswordIsNeverAccepted() throws Exception {
        int before = uas.registrations.get();
        Sipp.Result result = Sipp.scenario("register.xml").target(uas.port(Transport.UDP)).calls(2)
                .credentials(TestUas.USER, "wrong").run();
        assertThat(result.exitCode()).as("SIPp expected 200 and got a new 401").isNotZero();
        assertThat(uas.registrations.get()).isEqualTo(before);
    }

    @Test
    void inviteAckByeCallsCompleteOverUdp() throws Exception {
        int before = uas.endedCalls.get();
        Sipp.scenario("call.xml").target(uas.port(Transport.UDP)).calls(20).option("-s", "1002").run().assertAllCallsSucceeded("calls over UDP");
        assertThat(uas.endedCalls.get() - before).isEqualTo(20);
    }

    @Test
    void inviteAckByeCallsCompleteOverOneTcpConnection() throws Exception {
        int before = uas.endedCalls.get();
        Sipp.scenario("call.xml").target(uas.port(Transport.TCP)).transport("t1").calls(20).option("-s", "1002").run().assertAllCallsSucceeded("calls over TCP");
        assertThat(uas.endedCalls.get() - before).isEqualTo(20);
    }

    @Test
    void callsSurviveTenPercentPacketLossThroughRetransmissions() throws Exception {
        long retransmissionsBefore = uas.counters.retransmissions() + uas.counters.retransmissionsAbsorbed();
        Sipp.scenario("call.xml").target(uas.port(Transport.UDP)).calls(20).option("-s", "1002", "-lost", "10").run()
                .assertAllCallsSucceeded("calls over UDP with 10% loss");
        assertThat(uas.counters.retransmissions() + uas.counters.retransmissionsAbsorbed())
                .as("losses were recovered by retransmission").isGreaterThan(retransmissionsBefore);
        await().until(() -> uas.openDialogs() == 0);
    }
}
