package org.switchboard.media.endpoint;

/** Why a recording ended. */
public enum RecordingEnd {
    /** {@link MediaEndpoint#stopRecording()} (e.g. the caller pressed {@code #}). */
    STOPPED,
    /** It reached {@link RecordOptions#maxDuration()}. */
    MAX_DURATION,
    /** The peer was silent for {@link RecordOptions#silenceTimeout()}. */
    SILENCE,
    /** The endpoint was closed (the caller hung up). */
    CLOSED
}
