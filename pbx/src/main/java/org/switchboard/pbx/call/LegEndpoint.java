package org.switchboard.pbx.call;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.switchboard.media.endpoint.AudioSource;
import org.switchboard.media.endpoint.MediaEndpoint;
import org.switchboard.media.endpoint.Mixer;
import org.switchboard.media.endpoint.RecordOptions;
import org.switchboard.media.endpoint.RecordingSink;
import org.switchboard.media.endpoint.RemoteMedia;

/**
 * The PBX media endpoint of a leg the PBX holds ({@link PbxAnsweredCall}) as its application drives it: playback,
 * recording, digit collection, the mixer it sits in (a conference, a {@link Bridge}) and the ringback of a transfer,
 * whose end the application does not hear. Owned by the call's executor.
 */
final class LegEndpoint {
    private final MediaEndpoint endpoint;
    private Mixer mixer; // the mixer the leg sits in, if any
    private DigitCollector collecting;
    private long ringbackId = -1; // the last ringback playback

    LegEndpoint(MediaEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Where the party listens and the codec agreed: the endpoint starts sending. */
    void connect(RemoteMedia media) {
        endpoint.setRemote(media);
    }

    long play(AudioSource source) {
        return endpoint.play(source);
    }

    void stopPlayback() {
        endpoint.stopPlayback();
    }

    void record(RecordingSink sink, RecordOptions options) {
        endpoint.record(sink, options);
    }

    void stopRecording() {
        endpoint.stopRecording();
    }

    /** Starts collecting keys as {@code request} says, replacing a collection under way (which reports nothing). */
    void collectDigits(DigitCollection request, ScheduledExecutorService scheduler, Executor executor,
            Consumer<DigitCollection.Result> collected) {
        cancelCollecting();
        collecting = new DigitCollector(request, scheduler, executor, collected);
    }

    /** A key from the party, by any method, for the collection under way. */
    void onDigit(char digit) {
        if (collecting != null && !collecting.isOver()) {
            collecting.onDigit(digit);
        }
    }

    void joinMixer(Mixer joined) {
        mixer = joined;
        joined.join(endpoint);
    }

    void leaveMixer() {
        if (mixer != null) {
            mixer.leave(endpoint);
            mixer = null;
        }
    }

    /** Leaves {@code which} if the leg still sits there (a bridge ending, while the leg may have moved on). */
    void leaveMixer(Mixer which) {
        if (mixer == which) {
            leaveMixer();
        }
    }

    void muteInMixer(boolean muted) {
        if (mixer != null) {
            mixer.mute(endpoint, muted);
        }
    }

    /** Starts or stops the ringback tone the party hears while a transfer's phones ring. */
    void ringback(boolean on) {
        if (on) {
            ringbackId = endpoint.play(new Ringback());
        } else {
            endpoint.stopPlayback();
        }
    }

    /** Whether playback {@code playbackId} was a ringback (its end is not the application's business). */
    boolean isRingback(long playbackId) {
        return playbackId == ringbackId;
    }

    /** Everything the application started stops (a transfer takes the leg): playback, recording, mixer, digits. */
    void stopAll() {
        stopPlayback();
        stopRecording();
        leaveMixer();
        cancelCollecting();
    }

    /** The digit collection stops and the endpoint closes (its ports go back to the pool). */
    void close() {
        cancelCollecting();
        endpoint.close();
    }

    private void cancelCollecting() {
        if (collecting != null) {
            collecting.cancel();
        }
    }
}
