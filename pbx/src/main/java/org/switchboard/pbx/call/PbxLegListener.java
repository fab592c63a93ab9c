package org.switchboard.pbx.call;

import org.switchboard.pbx.routing.Destination;

import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RecordingResult;

/**
 * What happens on a leg the PBX answered (or rang itself: {@link OriginatedLegListener}), told to the
 * application that answered it. Every method
 * runs on the call's executor and must not block; each has an empty default except
 * {@link #answered}.
 */
public interface PbxLegListener {

    /** The 200 OK with the PBX's SDP is sent and the media endpoint is ready: the application starts here. */
    void answered(PbxLeg leg);

    /** The caller pressed {@code digit} (RFC 4733, SIP INFO or inband tones), reported once per press. */
    default void dtmf(PbxLeg leg, char digit) {}

    /** A {@link PbxLeg#collectDigits} ended: the keys and why it stopped. */
    default void digitsCollected(PbxLeg leg, DigitCollection.Result result) {}

    /** Playback {@code playbackId} ended for {@code reason}. */
    default void playbackFinished(PbxLeg leg, long playbackId, PlaybackEnd reason) {}

    /** A recording ended; its sink has stored everything unless it failed. */
    default void recordingFinished(PbxLeg leg, RecordingResult result) {}

    /** A {@link PbxLeg#transfer} succeeded: the caller is someone else's now; the application drives the leg no more. */
    default void transferred(PbxLeg leg, Destination to) {}

    /** A {@link PbxLeg#transfer} failed with this SIP status and reason; the leg is still the application's. */
    default void transferFailed(PbxLeg leg, Destination to, int status, String reason) {}

    /** The call ended ({@code cause} as in the CDR: the caller's BYE, a media timeout, the application's hang-up). */
    default void ended(String cause) {}
}
