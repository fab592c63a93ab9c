package org.switchboard.media.endpoint;

import java.time.Duration;

/**
 * When a recording stops by itself: after {@code maxDuration} of received audio, or after {@code silenceTimeout}
 * of audio quieter than {@code silenceLevel} (RMS of a 20 ms frame, in 16-bit sample units). A zero duration turns
 * that limit off.
 *
 * <p>Immutable: any thread may use it.
 */
public record RecordOptions(Duration maxDuration, Duration silenceTimeout, int silenceLevel) {
    /** Default RMS below which a frame counts as silence: about -40 dBFS, under quiet speech, over line noise. */
    public static final int DEFAULT_SILENCE_LEVEL = 330;
    /** No limit: record until stopped or closed. */
    public static final RecordOptions UNLIMITED = new RecordOptions(Duration.ZERO, Duration.ZERO, DEFAULT_SILENCE_LEVEL);

    /** Validates the bounds. */
    public RecordOptions {
        if (maxDuration.isNegative() || silenceTimeout.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (silenceLevel < 0) {
            throw new IllegalArgumentException("silenceLevel must not be negative: " + silenceLevel);
        }
    }

    /** Stops after {@code max} of audio or {@code silence} of quiet, at the default silence level. */
    public static RecordOptions limits(Duration max, Duration silence) {
        return new RecordOptions(max, silence, DEFAULT_SILENCE_LEVEL);
    }
}
