package org.switchboard.media.endpoint;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A recording in progress on one endpoint: its sink, its limits and how much it has taken.
 *
 * <p>Owned by the endpoint's {@code rtp-io-} event loop; allocates nothing per frame.
 */
final class ActiveRecording {
    private final RecordingSink sink;
    private final long maxSamples;
    private final long silenceSamples;
    private final int silenceLevel;
    private long samples;
    private long quietSamples;

    ActiveRecording(RecordingSink sink, RecordOptions options) {
        this.sink = sink;
        this.maxSamples = options.maxDuration().toMillis() * AudioClip.SAMPLE_RATE / 1000;
        this.silenceSamples = options.silenceTimeout().toMillis() * AudioClip.SAMPLE_RATE / 1000;
        this.silenceLevel = options.silenceLevel();
    }

    /** Passes {@code pcm[0, length)} to the sink; returns the limit this frame reached, or null to go on. */
    RecordingEnd write(short[] pcm, int length) {
        sink.write(pcm, length);
        samples += length;
        quietSamples = rms(pcm, length) < silenceLevel ? quietSamples + length : 0;
        if (maxSamples > 0 && samples >= maxSamples) {
            return RecordingEnd.MAX_DURATION;
        }
        if (silenceSamples > 0 && quietSamples >= silenceSamples) {
            return RecordingEnd.SILENCE;
        }
        return null;
    }

    /** Ends it for {@code reason}: completes with the result once the sink has stored everything. */
    CompletableFuture<RecordingResult> finish(RecordingEnd reason) {
        long taken = samples;
        return sink.finish().handle((v, failure) ->
                new RecordingResult(reason, taken, sink.droppedSamples(), Optional.ofNullable(failure)));
    }

    long droppedSamples() {
        return sink.droppedSamples();
    }

    private static double rms(short[] pcm, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / length);
    }
}
