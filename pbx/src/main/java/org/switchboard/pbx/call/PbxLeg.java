package org.switchboard.pbx.call;

import org.switchboard.pbx.routing.Destination;

import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingSink;

/**
 * A caller's leg the PBX answered itself, or a party it rang itself ({@link CallControl#originate}; its
 * "caller" is then the party rung), as the application running it drives it: audio to play,
 * what to record, and the hang-up. The media is a PBX media endpoint ({@code media.endpoint}); what
 * happens on the leg comes back to the application's {@link PbxLegListener}. Every method runs on
 * the call's executor and returns at once.
 */
public interface PbxLeg {

    /** The call's id, as {@code GET /api/calls}, the CDR and call events name it; a bridged call keeps it after a transfer. */
    String id();

    /** The authenticated extension that called. */
    String caller();

    /** What the caller dialled. */
    String dialled();

    /** The caller's name as its phone sent it (the From display name), empty when it sent none. */
    String callerName();

    /**
     * Sends the caller on to {@code destination} as if it had dialled it: an extension rings with
     * its forwarding, do-not-disturb and last resort applied and is bridged to the caller when it
     * answers; any other kind starts that kind's application on this answered leg. Playback,
     * recording and digit collection stop. {@link PbxLegListener#transferred} tells the application
     * its part is over; {@link PbxLegListener#transferFailed} that the destination could not take
     * the call (unknown, refused, nobody answered and no last resort), and the leg is the
     * application's again.
     */
    default void transfer(Destination destination) {
        transfer(destination, TransferOptions.DEFAULT);
    }

    /**
     * {@link #transfer(Destination)} with {@code options} for an extension's ring: its ring time, and
     * whether only its phones ring ({@link TransferOptions#direct}: no forwarding, no last resort, so a
     * no-answer or busy comes back as {@link PbxLegListener#transferFailed}), with other extensions'
     * phones together. A direct transfer's {@link PbxLegListener#transferred} names the extension that
     * answered as its destination. Other kinds ignore the options.
     */
    void transfer(Destination destination, TransferOptions options);

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

    /**
     * Seats the caller in {@code mixer} (a conference, {@code MediaEndpoints.newMixer}): while nothing
     * plays it hears the mix of the other seats, and what it sends is mixed for them. A leg sits in one
     * mixer at a time (joining another leaves this one); a transfer or the end of the call leaves it.
     */
    void joinMixer(Mixer mixer);

    /** Leaves the mixer the leg sits in; nothing happens when it sits in none. */
    void leaveMixer();

    /**
     * Mutes or unmutes the caller in the mixer it sits in: muted, it still hears the others and adds
     * nothing to their mix. Nothing happens when it sits in none.
     */
    void muteInMixer(boolean muted);

    /** Ends the call with BYE; {@code cause} is the CDR's hang-up cause. */
    void hangUp(String cause);
}
