package org.switchboard.media.endpoint;

/** Why a playback ended. */
public enum PlaybackEnd {
    /** The source ran out: the prompt was played to its end. */
    COMPLETED,
    /** {@link MediaEndpoint#stopPlayback()} stopped it (e.g. the caller pressed a digit). */
    STOPPED,
    /** Another {@link MediaEndpoint#play} replaced it. */
    REPLACED,
    /** The endpoint was closed. */
    CLOSED
}
