package org.switchboard.media.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.ALaw;
import org.switchboard.media.codec.MuLaw;
import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.PcmAudio;
import org.switchboard.media.dsp.ToneGenerator;
import org.switchboard.media.dsp.WavFile;
import org.switchboard.media.dsp.WavFormatException;
import org.switchboard.media.sdp.Codec;

class AudioClipTest {
    private static final Goertzel KILOHERTZ = new Goertzel(1000, 8000);

    @Test
    void an8kHzWavPlaysAsIs() {
        short[] tone = new ToneGenerator(1000, 0.3, 8000).next(800);
        AudioClip clip = AudioClip.fromWav(WavFile.write(new PcmAudio(8000, 1, tone)));
        assertThat(clip.samples()).isEqualTo(tone);
        assertThat(clip.duration()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void a16kHzWavIsResampledTo8kHzKeepingSpeechAndDroppingWhatWouldFoldBack() {
        short[] speechBand = new ToneGenerator(1000, 0.3, 16000).next(16000);
        AudioClip clip = AudioClip.fromWav(WavFile.write(new PcmAudio(16000, 1, speechBand)));
        assertThat(clip.length()).isEqualTo(8000);
        assertThat(KILOHERTZ.relativePower(clip.samples(), 400, 400)).isGreaterThan(0.95);

        // 7 kHz at 16 kHz would alias to 1 kHz if decimated without the low-pass
        short[] high = new ToneGenerator(7000, 0.3, 16000).next(16000);
        short[] folded = AudioClip.fromWav(WavFile.write(new PcmAudio(16000, 1, high))).samples();
        assertThat(rms(folded, 400, 7200)).as("7 kHz is filtered out").isLessThan(0.01 * 0.3 * 32767);
    }

    @Test
    void stereoTakesTheFirstChannel() {
        short[] tone = new ToneGenerator(1000, 0.3, 8000).next(400);
        short[] stereo = new short[800];
        for (int i = 0; i < 400; i++) {
            stereo[2 * i] = tone[i];
        }
        assertThat(AudioClip.fromWav(WavFile.write(new PcmAudio(8000, 2, stereo))).samples()).isEqualTo(tone);
    }

    @Test
    void otherRatesAreRefusedWithTheReason() {
        byte[] wav = WavFile.write(new PcmAudio(44100, 1, new short[10]));
        assertThatThrownBy(() -> AudioClip.fromWav(wav)).isInstanceOf(WavFormatException.class)
                .hasMessageContaining("44100");
    }

    @Test
    void rawG711FilesAreDecoded() {
        short[] tone = new ToneGenerator(1000, 0.3, 8000).next(400);
        byte[] ulaw = new byte[400];
        byte[] alaw = new byte[400];
        MuLaw.encode(tone, 0, ulaw, 0, 400);
        ALaw.encode(tone, 0, alaw, 0, 400);
        assertThat(KILOHERTZ.relativePower(AudioClip.fromG711(ulaw, Codec.PCMU).samples(), 0, 400)).isGreaterThan(0.99);
        assertThat(KILOHERTZ.relativePower(AudioClip.fromG711(alaw, Codec.PCMA).samples(), 0, 400)).isGreaterThan(0.99);
    }

    @Test
    void aSourcePlaysTheClipFrameByFramePaddingTheLastWithSilence() {
        AudioClip clip = AudioClip.of(new short[] {1, 2, 3});
        AudioSource source = clip.source();
        short[] frame = new short[160];
        frame[100] = 99;
        assertThat(source.read(frame, 0)).isTrue();
        assertThat(frame[0]).isEqualTo((short) 1);
        assertThat(frame[2]).isEqualTo((short) 3);
        assertThat(frame[100]).isZero();
        assertThat(source.read(frame, 1)).isFalse();
    }

    @Test
    void aSequencePlaysItsPartsInTurn() {
        AudioSource both = AudioSource.sequence(List.of(AudioClip.of(new short[160]).source(),
                AudioClip.tone(1000, 0.3, Duration.ofMillis(20)).source()));
        short[] frame = new short[160];
        assertThat(both.read(frame, 0)).isTrue();
        assertThat(frame).containsOnly((short) 0);
        assertThat(both.read(frame, 1)).isTrue();
        assertThat(rms(frame, 0, 160)).isGreaterThan(1000);
        assertThat(both.read(frame, 2)).isFalse();
    }

    @Test
    void aClipRoundTripsThroughWav() {
        AudioClip clip = AudioClip.tone(440, 0.5, Duration.ofMillis(300));
        assertThat(AudioClip.fromWav(clip.toWav()).samples()).isEqualTo(clip.samples());
    }

    private static double rms(short[] pcm, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / length);
    }
}
