package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.pbx.call.CallIT.startCallee;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.sip.testkit.FreePorts;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.testkit.TestDatabases;

/**
 * Hold with music on a bridged call, with real SIPp phones: while the caller holds (sendonly
 * re-INVITE), the callee hears the node's hold music (a 440 Hz tone here) at the RTP port it
 * signalled, played by a PBX endpoint attached to its relay leg; resume stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldMusicIT {
    private final List<String> heldBy = new CopyOnWriteArrayList<>();

    @AutoClose
    private CallHarness pbx;

    @BeforeAll
    void start() {
        HoldMusic tone = holder -> {
            heldBy.add(holder);
            return Optional.of(AudioClip.tone(440, 0.5, Duration.ofSeconds(60)).source());
        };
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30), tone);
        pbx.addExtensions("1061", "1062");
    }

    @Test
    void theHeldPartyHearsTheHoldMusicUntilResume() throws Exception {
        int calleePort = FreePorts.udpAndTcp();
        pbx.register("1062", calleePort);
        short[] heard;
        try (RtpSink calleeMedia = new RtpSink()) {
            Sipp.Running callee = startCallee(Sipp.scenario("uas_hold.xml").localPort(calleePort)
                    .key("rtp_port", Integer.toString(calleeMedia.port())).key("codec", "0"), calleePort);
            pbx.caller("uac_hold.xml", "1061", "1062").key("sdp_ip", "127.0.0.1").key("codec", "0").run()
                    .assertAllCallsSucceeded("1061 holds for 1.5 s, resumes, hangs up");
            callee.awaitResult().assertAllCallsSucceeded("1062 is held, resumed, hung up");
            assertThat(calleeMedia.received(0)).as("PCMU packets the held 1062 got in 1.5 s of hold (the caller sends none)")
                    .isBetween(40, 90);
            heard = calleeMedia.pcmuAudio();
        }
        assertThat(new Goertzel(440, 8000).relativePower(heard, heard.length / 2, 800)).as("440 Hz at the held phone")
                .isGreaterThan(0.8);
        assertThat(heldBy).as("the music asked for the holder's extension").containsExactly("1061");
        pbx.awaitPortsFree();
    }
}
