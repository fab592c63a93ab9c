package org.switchboard.media.dsp;

import java.util.Arrays;

/**
 * A clip of 16-bit linear PCM audio with interleaved channels, as read from or written to a WAV file.
 *
 * <p>Immutable (the samples are copied in and out): any thread may use it.
 */
public record PcmAudio(int sampleRateHz, int channels, short[] samples) {
    /** Validates the format and copies the samples. */
    public PcmAudio {
        if (sampleRateHz <= 0) {
            throw new IllegalArgumentException("sampleRateHz must be positive: " + sampleRateHz);
        }
        if (channels <= 0) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException(
                    "sample count " + samples.length + " is not a multiple of channels " + channels);
        }
        samples = samples.clone();
    }

    /** A copy of the interleaved samples. */
    @Override
    public short[] samples() {
        return samples.clone();
    }

    /** The first channel's samples (the whole clip when it is mono). */
    public short[] firstChannel() {
        return channel(0);
    }

    /** Channel {@code index}'s samples (0 is the first, the left of a stereo clip). */
    public short[] channel(int index) {
        if (index < 0 || index >= channels) {
            throw new IllegalArgumentException("no channel " + index + " in a clip of " + channels);
        }
        short[] mono = new short[samples.length / channels];
        for (int i = 0; i < mono.length; i++) {
            mono[i] = samples[i * channels + index];
        }
        return mono;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmAudio p
                && p.sampleRateHz == sampleRateHz
                && p.channels == channels
                && Arrays.equals(p.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * sampleRateHz + channels) + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "PcmAudio[" + sampleRateHz + " Hz, " + channels + " ch, " + samples.length + " samples]";
    }
}
