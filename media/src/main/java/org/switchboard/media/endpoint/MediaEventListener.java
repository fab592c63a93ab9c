package org.switchboard.media.endpoint;

import org.switchboard.media.dtmf.DtmfMethod;

/**
 * What an endpoint tells its owner. Every method runs on the {@link java.util.concurrent.Executor} given to
 * {@link MediaEndpoints#open} (the call's executor), never on a media thread, so an implementation may touch call
 * state freely but must not block. Each has an empty default, so a listener implements what it needs.
 */
public interface MediaEventListener {
    /** The peer pressed {@code digit} ({@code 0-9 * # A-D}); reported once per press, at its start. */
    default void onDtmf(char digit, DtmfMethod method) {}

    /** Playback {@code playbackId} (as returned by {@link MediaEndpoint#play}) ended for {@code reason}. */
    default void onPlaybackFinished(long playbackId, PlaybackEnd reason) {}

    /** A recording ended; its sink has stored everything (a WAV file is complete on disk) unless it failed. */
    default void onRecordingFinished(RecordingResult result) {}

    /** No RTP arrived for the relay's media timeout while media was expected; reported once per silence. */
    default void onMediaTimeout() {}
}
