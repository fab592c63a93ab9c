package org.switchboard.media.rtp;

/**
 * Told when a leg of a relay session received no RTP for the configured media timeout, once per silence.
 *
 * <p>Called on the session's {@code rtp-io-} event loop: an implementation only posts the event to the call's
 * executor and returns.
 */
@FunctionalInterface
public interface MediaTimeoutListener {
    /** Leg {@code leg} of {@code session} has been silent for the media timeout. */
    void onMediaTimeout(RelaySession session, Leg leg);
}
