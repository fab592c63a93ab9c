package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RelaySession;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.rtp.UdpPhone;
import org.switchboard.media.sdp.Codec;

/**
 * Music on hold on a bridged call: an endpoint attached to leg B of a relay session plays a shared source to phone
 * B through the port B already talks to, phone A's audio no longer reaches B, and closing the endpoint relays again.
 */
class HoldMusicIT {
    private static final int FRAME = 160;

    private final UdpPhone phoneA = new UdpPhone();
    private final UdpPhone phoneB = new UdpPhone();
    private final RtpRelay relay;
    private final MediaEndpoints endpoints;
    private final EventLog events = new EventLog();

    HoldMusicIT() {
        relay = LoopbackRelay.start(20, Duration.ofSeconds(30), 2);
        endpoints = new MediaEndpoints(relay);
    }

    @AfterEach
    void stop() {
        phoneA.close();
        phoneB.close();
        endpoints.close();
        relay.close();
    }

    @Test
    void theHeldPartyHearsTheMusicOnItsOwnPortAndTheCallResumesAfterwards() {
        RelaySession session = relay.open("held", (s, leg) -> {}).join();
        session.signalPeer(Leg.A, phoneA.address(), phoneA.address()).join();
        session.signalPeer(Leg.B, phoneB.address(), phoneB.address()).join();

        SharedSource music = new SharedSource(AudioClip.tone(400, 0.3, Duration.ofSeconds(1)));
        MediaEndpoint hold = endpoints.attach(session, Leg.B, events, Runnable::run).join();
        hold.setRemote(new RemoteMedia(Optional.empty(), 0, Codec.PCMU, Optional.of(101)));
        hold.play(music.listener());
        assertThat(hold.ports()).isEqualTo(session.ports(Leg.B));

        short[] heard = new short[20 * FRAME];
        long ssrc = -1;
        for (int i = 0; i < 20; i++) {
            // phone A keeps talking: none of it may reach B while B hears the music
            phoneA.sendRtp(session.localRtp(Leg.A), i, 0xAAAA);
            DatagramPacket p = phoneB.receive().orElseThrow(() -> new AssertionError("music packet missing"));
            ByteBuffer b = RtpFrames.view(p);
            assertThat(p.getSocketAddress()).isEqualTo(session.localRtp(Leg.B));
            if (ssrc < 0) {
                ssrc = RtpFrames.ssrc(b);
            }
            assertThat(RtpFrames.ssrc(b)).as("only the music's stream").isEqualTo(ssrc).isNotEqualTo(0xAAAA);
            RtpFrames.decodePcmu(b, heard, i * FRAME);
        }
        assertThat(new Goertzel(400, 8000).relativePower(heard, 800, 2400)).isGreaterThan(0.9);

        // what B sends while held reaches the endpoint: a key press is reported
        phoneB.send(session.localRtp(Leg.B), RtpFrames.event(1, 8000, 0xBBBB, true, 1, false, 160));
        assertThat(events.next()).isEqualTo("dtmf 1 RFC4733");

        hold.close().join();
        phoneA.sendRtp(session.localRtp(Leg.A), 100, 0xAAAA);
        boolean resumed = false;
        for (int i = 0; i < 10 && !resumed; i++) {
            // music packets sent just before the close may still be queued at B
            DatagramPacket p = phoneB.receive().orElseThrow(() -> new AssertionError("A's audio did not come back"));
            resumed = RtpFrames.ssrc(RtpFrames.view(p)) == 0xAAAA;
        }
        assertThat(resumed).as("A's audio is relayed to B again").isTrue();
        session.close().join();
    }
}
