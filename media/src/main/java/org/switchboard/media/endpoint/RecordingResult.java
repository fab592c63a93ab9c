package org.switchboard.media.endpoint;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of a recording: why it ended, how much audio the sink received, how many samples it had to drop
 * (its writer fell behind), and the sink's failure if storing failed.
 *
 * <p>Immutable: any thread may use it.
 */
public record RecordingResult(RecordingEnd end, long samples, long droppedSamples, Optional<Throwable> failure) {
    /** The recorded audio's length at 8000 samples per second. */
    public Duration duration() {
        return Duration.ofMillis(samples / 8);
    }

    /** Whether the audio was stored completely. */
    public boolean succeeded() {
        return failure.isEmpty();
    }
}
