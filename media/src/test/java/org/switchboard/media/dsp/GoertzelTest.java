package org.switchboard.media.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.media.codec.MuLaw;

class GoertzelTest {
    private static final int RATE = 8000;
    private static final int BLOCK = 400; // 50 ms: 1000 Hz and 400 Hz both fall on exact bins
    private final Goertzel oneKilohertz = new Goertzel(1000, RATE);

    @Test
    void detectsOneKilohertzInAGeneratedTone() {
        short[] tone = new ToneGenerator(1000, 0.5, RATE).next(BLOCK);
        assertThat(oneKilohertz.relativePower(tone, 0, BLOCK)).isGreaterThan(0.9);
    }

    @Test
    void detectsAQuietToneAsWellAsALoudOne() {
        short[] tone = new ToneGenerator(1000, 0.01, RATE).next(BLOCK);
        assertThat(oneKilohertz.relativePower(tone, 0, BLOCK)).isGreaterThan(0.9);
    }

    @Test
    void findsNothingInSilence() {
        assertThat(oneKilohertz.relativePower(new short[BLOCK], 0, BLOCK)).isZero();
    }

    @Test
    void findsNothingInA400HertzTone() {
        short[] tone = new ToneGenerator(400, 0.5, RATE).next(BLOCK);
        assertThat(oneKilohertz.relativePower(tone, 0, BLOCK)).isLessThan(0.01);
    }

    @Test
    void detectsOneKilohertzAfterG711RoundTrip() {
        short[] tone = new ToneGenerator(1000, 0.5, RATE).next(BLOCK);
        short[] received = new short[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            received[i] = MuLaw.decode(MuLaw.encode(tone[i]));
        }
        assertThat(oneKilohertz.relativePower(received, 0, BLOCK)).isGreaterThan(0.9);
    }

    @Test
    void generatorKeepsPhaseAcrossFrames() {
        ToneGenerator framed = new ToneGenerator(1000, 0.5, RATE);
        short[] joined = new short[BLOCK];
        for (int at = 0; at < BLOCK; at += 160) {
            framed.fill(joined, at, Math.min(160, BLOCK - at));
        }
        assertThat(joined).isEqualTo(new ToneGenerator(1000, 0.5, RATE).next(BLOCK));
    }

    @Test
    void rejectsAFrequencyAboveNyquist() {
        assertThatThrownBy(() -> new Goertzel(4000, RATE)).isInstanceOf(IllegalArgumentException.class);
    }
}
