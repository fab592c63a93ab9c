package org.switchboard.pbx.call;

import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingSink;

/**
 * A caller's leg the PBX answered itself, as the application running it drives it: audio to play,
 * what to record, and the hang-up. The media is a PBX media endpoint ({@code media.endpoint}); what
 * happens on the leg comes back to the application's {@link PbxLegListener}. Every method runs on
 * the call's executor and returns at once.
 */
public interface PbxLeg {

    /** The authenticated extension that called. */
    String caller();

    /** What the caller dialled. */
    String dialled();

    /**
     * Plays {@code source} to the caller, replacing what is playing; returns the playback's number,
     * which {@link PbxLegListener#playbackFinished} carries.
     */
    long play(AudioSource source);

    /** Stops the current playback, if any. */
    void stopPlayback();

    /** Records what the caller sends into {@code sink}; {@link PbxLegListener#recordingFinished} reports the end. */
    void record(RecordingSink sink, RecordOptions options);

    /** Stops the recording, if any. */
    void stopRecording();

    /**
     * Collects keys as {@code request} says, replacing a collection under way (which reports
     * nothing); {@link PbxLegListener#digitsCollected} reports the result. Each key is still
     * reported to {@link PbxLegListener#dtmf} as well.
     */
    void collectDigits(DigitCollection request);

    /** Ends the call with BYE; {@code cause} is the CDR's hang-up cause. */
    void hangUp(String cause);
}
