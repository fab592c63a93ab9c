package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.rtp.RtpPacket;

class StereoRecordingTest {
    private static final int FRAME = 160;

    @TempDir
    Path dir;

    @Test
    void eachLegIsOnItsOwnChannelAndOtherPayloadsAreLeftOut() throws Exception {
        Path file = dir.resolve("call.wav");
        StereoRecording recording = new StereoRecording(new WavRecorder(file, 2));
        ToneGenerator caller = new ToneGenerator(1000, 0.3, 8000);
        ToneGenerator callee = new ToneGenerator(1600, 0.3, 8000);
        for (int i = 0; i < 100; i++) {
            recording.copy(Leg.A, packet(0, mulaw(caller.next(FRAME)), i));
            recording.copy(Leg.B, packet(8, alaw(callee.next(FRAME)), i));
            recording.copy(Leg.A, packet(101, new byte[4], i)); // a DTMF event: not audio
        }

        Duration length = recording.finish().join();

        PcmAudio audio = WavFile.read(Files.readAllBytes(file));
        assertThat(audio.channels()).isEqualTo(2);
        assertThat(length).isEqualTo(Duration.ofSeconds(2));
        assertThat(audio.samples()).hasSize(2 * 100 * FRAME);
        short[] left = audio.channel(0);
        short[] right = audio.channel(1);
        assertThat(power(left, 1000)).isGreaterThan(0.5);
        assertThat(power(left, 1600)).isLessThan(0.05);
        assertThat(power(right, 1600)).isGreaterThan(0.5);
        assertThat(power(right, 1000)).isLessThan(0.05);
    }

    @Test
    void aSilentLegGetsSilenceSoTheOtherIsNotHeldBack() throws Exception {
        Path file = dir.resolve("one-sided.wav");
        StereoRecording recording = new StereoRecording(new WavRecorder(file, 2));
        ToneGenerator caller = new ToneGenerator(1000, 0.3, 8000);
        for (int i = 0; i < 50; i++) {
            recording.copy(Leg.A, packet(0, mulaw(caller.next(FRAME)), i));
        }

        recording.finish().join();

        PcmAudio audio = WavFile.read(Files.readAllBytes(file));
        assertThat(audio.samples()).hasSize(2 * 50 * FRAME);
        assertThat(power(audio.channel(0), 1000)).isGreaterThan(0.5);
        assertThat(audio.channel(1)).containsOnly((short) 0);
    }

    private static ByteBuf packet(int payloadType, byte[] payload, int sequence) {
        ByteBuf buf = Unpooled.buffer(12 + payload.length);
        RtpPacket.writeHeader(buf, false, payloadType, sequence, (long) sequence * FRAME, 42);
        return buf.writeBytes(payload);
    }

    private static byte[] mulaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        MuLaw.encode(pcm, 0, out, 0, pcm.length);
        return out;
    }

    private static byte[] alaw(short[] pcm) {
        byte[] out = new byte[pcm.length];
        ALaw.encode(pcm, 0, out, 0, pcm.length);
        return out;
    }

    private static double power(short[] samples, double hz) {
        return new Goertzel(hz, 8000).relativePower(samples, 0, samples.length);
    }
}
