package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.pbx.routing.ApplicationKind;
import org.switchboard.sip.testkit.Sipp;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.testkit.TestDatabases;

/**
 * {@link PbxLeg#joinMixer}: a test conference application seats every caller of {@code *80} in one
 * mixer. Two SIPp callers, one on PCMA and one on PCMU: the PCMA caller's RTP, sent from its own
 * socket to its relay port, reaches the PCMU caller mixed and re-encoded (loud samples, not
 * silence); the API hangs both up and every port is free again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PbxLegMixerIT {
    @AutoClose
    private CallHarness pbx;
    private Mixer room;

    @BeforeAll
    void start() {
        pbx = new CallHarness(TestDatabases.sqlite(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        pbx.addExtensions("1301", "1302");
        room = pbx.endpoints.newMixer("test room");
        pbx.install(new ApplicationKind("room", "a conference room", target -> { }),
                (call, route) -> call.answer(leg -> leg.joinMixer(room)));
        pbx.dialPlan.create(new NewDialPlanRule(40, "room", "\\*80", new RuleAction("room"), "x"), "test");
    }

    @Test
    void whatOneSeatSaysReachesTheOtherMixedInItsOwnCodec() throws Exception {
        try (RtpSink speaker = new RtpSink(); RtpSink listener = new RtpSink()) {
            Sipp.Running speaking = pbx.caller("uac_pbx_answers.xml", "1301", "*80").key("sdp_ip", "127.0.0.1")
                    .key("codec", "8").key("rtp_port", Integer.toString(speaker.port())).start();
            Sipp.Running listening = pbx.caller("uac_pbx_answers.xml", "1302", "*80").key("sdp_ip", "127.0.0.1")
                    .key("codec", "0").key("rtp_port", Integer.toString(listener.port())).start();
            await().atMost(Duration.ofSeconds(10)).until(() -> room.size().join() == 2);

            CallSnapshot speakersCall = pbx.calls.list().join().stream().filter(c -> c.caller().equals("1301")).findFirst()
                    .orElseThrow();
            int relayPort = speakersCall.legs().getFirst().media().orElseThrow().localRtpPort();
            speaker.sendPcma(new InetSocketAddress(InetAddress.getLoopbackAddress(), relayPort), 50);

            await().atMost(Duration.ofSeconds(5)).until(() -> loudSamples(listener.pcmuAudio()) > 1000);
            for (CallSnapshot call : pbx.calls.list().join()) {
                pbx.calls.hangUp(call.id(), "test").join();
            }
            speaking.awaitResult().assertAllCallsSucceeded("1301 is seated and hung up");
            listening.awaitResult().assertAllCallsSucceeded("1302 is seated and hung up");
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> room.size().join() == 0);
        assertThat(pbx.awaitCdrsOf("1301", 1).getFirst().hangupCause()).isEqualTo("hung up by test");
        pbx.awaitPortsFree();
    }

    private static long loudSamples(short[] pcm) {
        long loud = 0;
        for (short sample : pcm) {
            if (Math.abs(sample) > 1000) {
                loud++;
            }
        }
        return loud;
    }
}
