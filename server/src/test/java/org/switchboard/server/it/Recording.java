package org.switchboard.server.it;

import org.switchboard.media.dsp.Goertzel;
import org.switchboard.media.dsp.PcmAudio;

/**
 * What a phone recorded in a call, measured for the audio tests: its length, its loudness, and in
 * how many 50 ms blocks one tone carries most of the energy. Immutable.
 */
final class Recording {
    // 400 samples at 8 kHz: 1000 Hz and 1600 Hz complete whole cycles in a block, so each falls on a Goertzel bin
    private static final int BLOCK_SAMPLES = 400;
    // a pure tone through G.711 measures about 0.99; noise, silence or another tone measure near 0
    private static final double TONE_SHARE = 0.5;

    private final String name;
    private final PcmAudio audio;
    private final short[] samples;

    Recording(String name, PcmAudio audio) {
        this(name, audio, 0);
    }

    /** Channel {@code channel} of {@code audio} (0 the first). */
    Recording(String name, PcmAudio audio, int channel) {
        this.name = name;
        this.audio = audio;
        this.samples = audio.channel(channel);
    }

    /** Its length in seconds. */
    double seconds() {
        return (double) samples.length / audio.sampleRateHz();
    }

    /** Root mean square level, in 16-bit sample units (0 for silence). */
    double rms() {
        double energy = 0;
        for (short s : samples) {
            energy += (double) s * s;
        }
        return samples.length == 0 ? 0 : Math.sqrt(energy / samples.length);
    }

    /** The share of its 50 ms blocks (0 to 1) in which a tone of {@code frequencyHz} dominates; 0 when it is empty. */
    double shareOfBlocksWithTone(double frequencyHz) {
        Goertzel filter = new Goertzel(frequencyHz, audio.sampleRateHz());
        int blocks = samples.length / BLOCK_SAMPLES;
        int withTone = 0;
        for (int b = 0; b < blocks; b++) {
            if (filter.relativePower(samples, b * BLOCK_SAMPLES, BLOCK_SAMPLES) > TONE_SHARE) {
                withTone++;
            }
        }
        return blocks == 0 ? 0 : (double) withTone / blocks;
    }

    /** A one-line summary for failure messages. */
    String describe(double... frequenciesHz) {
        StringBuilder text = new StringBuilder(String.format("%s: %.2f s, rms %.0f", name, seconds(), rms()));
        for (double f : frequenciesHz) {
            text.append(String.format(", %.0f Hz in %.0f%% of blocks", f, 100 * shareOfBlocksWithTone(f)));
        }
        return text.toString();
    }
}
