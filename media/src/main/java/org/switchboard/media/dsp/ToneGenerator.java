package org.switchboard.media.dsp;

/**
 * Generates a continuous sine tone as 16-bit PCM, frame after frame, with no phase jump between frames.
 *
 * <p>Mutable (it keeps the phase): one thread at a time, normally the one that owns the stream it feeds.
 */
public final class ToneGenerator {
    private final double phaseStep;
    private final double amplitude;
    private double phase;

    /**
     * A tone of {@code frequencyHz} at {@code level} of full scale (0 to 1).
     */
    public ToneGenerator(double frequencyHz, double level, int sampleRateHz) {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sampleRateHz must be positive: " + sampleRateHz);
        }
        if (!(frequencyHz >= 0 && frequencyHz < sampleRateHz / 2.0)) {
            throw new IllegalArgumentException("frequencyHz must be in [0, " + sampleRateHz / 2.0 + "): " + frequencyHz);
        }
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("level must be in [0, 1]: " + level);
        }
        this.phaseStep = 2 * Math.PI * frequencyHz / sampleRateHz;
        this.amplitude = level * Short.MAX_VALUE;
    }

    /** Fills {@code frame[from, from+length)} with the next samples of the tone. */
    public void fill(short[] frame, int from, int length) {
        for (int i = from; i < from + length; i++) {
            frame[i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += phaseStep;
            if (phase >= 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
        }
    }

    /** Returns the next {@code count} samples of the tone in a new array. */
    public short[] next(int count) {
        short[] samples = new short[count];
        fill(samples, 0, count);
        return samples;
    }
}
