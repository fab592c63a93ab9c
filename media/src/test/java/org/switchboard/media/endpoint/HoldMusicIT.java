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
 * B through the port B already talks to, phone A's audio no longer reaches B, and closing the endpoint relays again,
 * as the same stream B heard the music on.
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
        DatagramPacket lastMusic = null;
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
            lastMusic = p;
        }
        assertThat(new Goertzel(400, 8000).relativePower(heard, 800, 2400)).isGreaterThan(0.9);

        // what B sends while held reaches the endpoint: a key press is reported
        phoneB.send(session.localRtp(Leg.B), RtpFrames.event(1, 8000, 0xBBBB, true, 1, false, 160));
        assertThat(events.next()).isEqualTo("dtmf 1 RFC4733");

        hold.close().join();
        phoneA.sendRtp(session.localRtp(Leg.A), 100, 0xAAAA);
        ByteBuffer resumed = null;
        int previousSequence = RtpFrames.sequence(RtpFrames.view(lastMusic));
        for (int i = 0; i < 200 && resumed == null; i++) {
            // music packets sent before the close may still be queued at B (50 a second while the test waited)
            DatagramPacket p = phoneB.receive().orElseThrow(() -> new AssertionError("A's audio did not come back"));
            ByteBuffer b = RtpFrames.view(p);
            if (isFromPhoneA(b)) {
                resumed = b;
            } else {
                previousSequence = RtpFrames.sequence(b);
            }
        }
        assertThat(resumed).as("A's audio is relayed to B again").isNotNull();
        // one stream for B across the switch (docs/media.md): the music's SSRC, the next number, a marker
        assertThat(RtpFrames.ssrc(resumed)).isEqualTo(ssrc);
        assertThat(RtpFrames.sequence(resumed)).isEqualTo((previousSequence + 1) & 0xFFFF);
        assertThat(RtpFrames.marker(resumed)).isTrue();
        session.close().join();
    }

    /** Phone A's test packets carry 160 zero bytes, which no 400 Hz tone encodes to. */
    private static boolean isFromPhoneA(ByteBuffer b) {
        for (int i = 12; i < b.limit(); i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
