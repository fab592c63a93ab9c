package org.switchboard.media.rtp;

/**
 * The relay could not open a session: every port pair is in use or could not be bound. The PBX answers the call
 * with a 503 or 488 rather than letting media bypass it.
 */
public final class MediaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code reason}, with the underlying cause if any. */
    public MediaUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** A failure described by {@code reason}. */
    public MediaUnavailableException(String reason) {
        super(reason);
    }
}
