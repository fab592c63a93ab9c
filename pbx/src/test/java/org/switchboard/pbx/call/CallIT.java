package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
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
 * Calls between SIPp phones through the B2BUA on a real SQLite file: caller and callee are real
 * SIP peers, the media goes through the relay and is counted on the far side, and every call
 * leaves its CDR. Each test uses its own extensions, so they share one node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallIT {
    private CallHarness pbx;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(3), Duration.ofSeconds(60), 41_000);
        pbx.addExtensions("1001", "1002");
    }

    @AfterAll
    void stop() {
        pbx.close();
    }

    @Test
    void answeredCallCarriesTheCallersAudioThroughTheRelayAndIsRecorded() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1002", calleePort);
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = answering(calleePort, calleeMedia, "8");

            pbx.caller("uac_call.xml", "1001", "1002").key("sdp_ip", "127.0.0.1").key("codec", "8").run().assertAllCallsSucceeded("1001 calls 1002, talks, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1002 rings, answers, gets the BYE");

            assertThat(calleeMedia.received(8)).as("A-law RTP from the caller's pcap, relayed to the callee's SDP address")
                    .isPositive();
        }
        Cdr cdr = pbx.awaitCdrOf("1001");
        assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
        assertThat(cdr.callee()).isEqualTo("1002");
        assertThat(cdr.codec()).isEqualTo("PCMA");
        assertThat(cdr.hangupCause()).isEqualTo("BYE from caller");
        assertThat(cdr.calleeAddress()).isEqualTo("127.0.0.1:" + calleePort);
        assertThat(cdr.callerAddress()).startsWith("127.0.0.1:");
        assertThat(cdr.answeredAt()).isNotNull();
        pbx.awaitPortsFree();
    }

    /** Starts the callee's SIPp on the port it registered from, once it listens there. */
    private static Sipp.Running answering(int port, RtpSink media, String codec) throws IOException {
        Sipp.Running callee = Sipp.scenario("uas_answer.xml").localPort(port).key("rtp_port", Integer.toString(media.port()))
                .key("codec", codec).start();
        awaitListening(port);
        return callee;
    }

    static void awaitListening(int port) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return false;
            } catch (IOException taken) {
                return true;
            }
        });
    }
}
