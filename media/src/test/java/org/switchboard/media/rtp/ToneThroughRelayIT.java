package org.switchboard.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.ToneGenerator;

/** Audio is proven, not assumed: a 1 kHz PCMU tone sent by one phone is found by Goertzel at the other. */
class ToneThroughRelayIT {
    private static final int FRAME = 160; // 20 ms at 8 kHz
    private static final int FRAMES = 10;

    private final UdpPhone caller = new UdpPhone();
    private final UdpPhone callee = new UdpPhone();
    private final RtpRelay relay;

    ToneThroughRelayIT() {
        int min = 20000 + 2 * ThreadLocalRandom.current().nextInt(15000);
        relay = new RtpRelay(new RelaySettings(InetAddress.getLoopbackAddress(), min, min + 19,
                Duration.ofSeconds(30), LatchingRule.DEFAULT, RelayTransport.best(), 1));
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
        relay.close();
    }

    @Test
    void aOneKilohertzToneSentByTheCallerIsHeardByTheCallee() {
        RelaySession session = relay.open("tone", (s, leg) -> {}).join();
        session.signalPeer(Leg.B, callee.address(), callee.address()).join();
        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);
        short[] pcm = new short[FRAME];
        for (int f = 0; f < FRAMES; f++) {
            tone.fill(pcm, 0, FRAME);
            ByteBuffer packet = ByteBuffer.allocate(12 + FRAME);
            packet.put((byte) 0x80).put((byte) 0).putShort((short) f).putInt(f * FRAME).putInt(0x1000);
            for (short s : pcm) {
                packet.put(MuLaw.encode(s));
            }
            caller.send(session.localRtp(Leg.A), packet.array());
        }

        short[] heard = new short[FRAMES * FRAME];
        for (int f = 0; f < FRAMES; f++) {
            DatagramPacket p = callee.receive().orElseThrow(() -> new AssertionError("RTP frame missing"));
            ByteBuffer b = ByteBuffer.wrap(p.getData(), 0, p.getLength());
            int seq = b.getShort(2) & 0xFFFF;
            for (int i = 0; i < FRAME; i++) {
                heard[seq * FRAME + i] = MuLaw.decode(b.get(12 + i));
            }
        }

        Goertzel oneKilohertz = new Goertzel(1000, 8000);
        Goertzel fourHundred = new Goertzel(400, 8000);
        assertThat(oneKilohertz.relativePower(heard, 0, 400)).as("1 kHz at the callee").isGreaterThan(0.9);
        assertThat(fourHundred.relativePower(heard, 0, 400)).as("400 Hz at the callee").isLessThan(0.01);
    }
}
