package org.switchboard.media.dsp;

/**
 * Goertzel filter: the signal power at one frequency in a block of 16-bit PCM samples, without a full DFT.
 *
 * <p>Immutable: any thread may call it; it allocates nothing per block.
 */
public final class Goertzel {
    private final double frequencyHz;
    private final int sampleRateHz;

    /** A filter for {@code frequencyHz}, which must lie strictly between 0 and half the sample rate. */
    public Goertzel(double frequencyHz, int sampleRateHz) {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sampleRateHz must be positive: " + sampleRateHz);
        }
        if (!(frequencyHz > 0 && frequencyHz < sampleRateHz / 2.0)) {
            throw new IllegalArgumentException(
                    "frequencyHz must be in (0, " + sampleRateHz / 2.0 + "): " + frequencyHz);
        }
        this.frequencyHz = frequencyHz;
        this.sampleRateHz = sampleRateHz;
    }

    /** The squared magnitude of the DFT term at this frequency over {@code samples[from, from+length)}. */
    public double power(short[] samples, int from, int length) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRateHz);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < from + length; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }

    /**
     * The share of the block's energy found at this frequency, from 0 (none, or silence) to about 1 (a pure
     * tone at this frequency). Independent of level, so one threshold works for loud and quiet tones.
     */
    public double relativePower(short[] samples, int from, int length) {
        double energy = 0;
        for (int i = from; i < from + length; i++) {
            energy += (double) samples[i] * samples[i];
        }
        if (energy == 0) {
            return 0;
        }
        // Parseval: a pure sinusoid of N samples concentrates N/2 * energy in its bin's squared magnitude
        return power(samples, from, length) / (energy * length / 2.0);
    }

    /** The frequency this filter measures. */
    public double frequencyHz() {
        return frequencyHz;
    }
}
