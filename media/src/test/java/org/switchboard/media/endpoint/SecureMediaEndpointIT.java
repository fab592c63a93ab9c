package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.rtp.RtpRelay;
import org.switchboard.media.rtp.UdpPhone;
import org.switchboard.media.srtp.SrtpContext;
import org.switchboard.media.srtp.SrtpMasterKey;
import org.switchboard.media.srtp.SrtpSuite;

/** A media endpoint speaking SRTP on real UDP sockets on 127.0.0.1 with a socket playing an SDES phone. */
class SecureMediaEndpointIT {
    private static final int FRAME = 160;
    private static final SrtpSuite SUITE = SrtpSuite.AES_CM_128_HMAC_SHA1_80;

    private final SecureRandom random = new SecureRandom();
    private final SrtpMasterKey pbxKey = SrtpMasterKey.generate(random);
    private final SrtpMasterKey phoneKey = SrtpMasterKey.generate(random);
    private final UdpPhone phone = new UdpPhone();
    private final UdpPhone stranger = new UdpPhone();
    private final RtpRelay relay = LoopbackRelay.start(20, Duration.ofSeconds(30), 2);
    private final MediaEndpoints endpoints = new MediaEndpoints(relay);
    private final EventLog events = new EventLog();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        phone.close();
        stranger.close();
        endpoints.close();
        relay.close();
    }

    private MediaEndpoint open() {
        MediaEndpoint endpoint = endpoints.open("srtp-it", events, Runnable::run).join();
        endpoint.setRemote(RemoteMedia.pcmu(phone.address()));
        endpoint.useSrtp(SUITE, pbxKey, phoneKey);
        endpoint.stats().join();
        return endpoint;
    }

    @Test
    void aPlayedToneLeavesEncryptedAndThePhoneDecryptsIt() {
        MediaEndpoint endpoint = open();
        endpoint.play(AudioClip.tone(1000, 0.3, Duration.ofSeconds(1)).source());
        SrtpContext phoneReceives = new SrtpContext(SUITE, pbxKey);

        short[] onTheWire = new short[50 * FRAME];
        short[] decrypted = new short[50 * FRAME];
        for (int i = 0; i < 50; i++) {
            DatagramPacket p = phone.receive().orElseThrow(() -> new AssertionError("packet missing"));
            byte[] data = Arrays.copyOf(p.getData(), p.getLength());
            assertThat(data.length).isEqualTo(12 + FRAME + SUITE.rtpTagLength());
            RtpFrames.decodePcmu(ByteBuffer.wrap(data, 0, 12 + FRAME), onTheWire, i * FRAME);
            assertThat(phoneReceives.unprotectRtp(data, 0, data.length)).as("packet %d", i).isEqualTo(12 + FRAME);
            RtpFrames.decodePcmu(ByteBuffer.wrap(data, 0, 12 + FRAME), decrypted, i * FRAME);
        }

        Goertzel oneKilohertz = new Goertzel(1000, 8000);
        assertThat(oneKilohertz.relativePower(decrypted, 800, 4000)).isGreaterThan(0.9);
        assertThat(oneKilohertz.relativePower(onTheWire, 800, 4000)).as("ciphertext is noise").isLessThan(0.1);
    }

    @Test
    void authenticPacketsAreRecordedAndForgedOnesNeitherRecordedNorLatched() throws Exception {
        MediaEndpoint endpoint = open();
        Path file = dir.resolve("message.wav");
        endpoint.record(new WavRecorder(file), RecordOptions.UNLIMITED);
        endpoint.stats().join();
        SrtpContext phoneSends = new SrtpContext(SUITE, phoneKey);
        SrtpContext attacker = new SrtpContext(SUITE, SrtpMasterKey.generate(random));
        ToneGenerator tone = new ToneGenerator(1000, 0.3, 8000);

        // a stranger gets there first with SRTP under a wrong key: without SRTP it would have latched the stream
        for (int i = 0; i < 5; i++) {
            stranger.send(endpoint.localRtp(), protect(attacker, RtpFrames.pcmu(500 + i, 0, 0x9999, false, new short[FRAME])));
        }
        for (int i = 0; i < 103; i++) {
            byte[] packet = protect(phoneSends, RtpFrames.pcmu(65500 + i, 160L * i, 0x1234, i == 0, tone.next(FRAME)));
            phone.send(endpoint.localRtp(), packet);
            if (i == 50) {
                byte[] tampered = packet.clone();
                tampered[20] ^= 1; // a flipped payload bit: the tag no longer matches
                phone.send(endpoint.localRtp(), tampered);
                phone.send(endpoint.localRtp(), packet); // and a replay of a genuine one
            }
        }
        for (int i = 0; i < 500 && endpoint.stats().join().rtp().packetsIn() < 103; i++) {
            Thread.sleep(10);
        }
        endpoint.stopRecording();
        RecordingResult result = events.recording();

        short[] pcm = WavFile.read(Files.readAllBytes(file)).samples();
        assertThat(pcm.length).isGreaterThanOrEqualTo(100 * FRAME);
        Goertzel oneKilohertz = new Goertzel(1000, 8000);
        for (int at = 0; at + 400 <= pcm.length; at += 400) {
            assertThat(oneKilohertz.relativePower(pcm, at, 400)).as("block at %d", at).isGreaterThan(0.95);
        }
        assertThat(result.succeeded()).isTrue();
        EndpointStats stats = endpoint.stats().join();
        assertThat(stats.srtpRejected()).as("5 under a wrong key, 1 tampered, 1 replayed").isEqualTo(7);
        assertThat(stats.rtp().packetsIn()).isEqualTo(103);
        assertThat(stats.rtp().latchedSource()).hasValue(phone.address());
    }

    private static byte[] protect(SrtpContext context, byte[] rtp) {
        byte[] packet = Arrays.copyOf(rtp, rtp.length + context.rtpOverhead());
        int length = context.protectRtp(packet, 0, rtp.length);
        assertThat(length).isPositive();
        return Arrays.copyOf(packet, length);
    }
}
