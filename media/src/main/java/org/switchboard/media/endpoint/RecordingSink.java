package org.switchboard.media.endpoint;

import java.util.concurrent.CompletableFuture;

/**
 * Where a recording's audio goes: 8 kHz 16-bit mono PCM, in received order after the jitter buffer.
 *
 * <p>{@link #write} runs on the endpoint's {@code rtp-io-} event loop and must neither block nor allocate per call
 * (copy into a preallocated buffer that another thread drains, as {@link WavRecorder} does); {@link #finish} is
 * called once, on the same loop.
 */
public interface RecordingSink {
    /** Takes {@code pcm[0, length)}. */
    void write(short[] pcm, int length);

    /** No more audio: completes when everything written is stored, or exceptionally when storing failed. */
    CompletableFuture<Void> finish();

    /** Samples the sink could not take (its buffer was full); 0 when it kept up. */
    default long droppedSamples() {
        return 0;
    }
}
