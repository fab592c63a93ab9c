package org.switchboard.pbx.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.MediaEndpoint;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.media.endpoint.MediaEventListener;
import org.switchboard.media.endpoint.PlaybackEnd;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.endpoint.StereoRecording;
import org.switchboard.media.endpoint.WavRecorder;
import org.switchboard.media.rtp.Leg;
import org.switchboard.pbx.call.BridgedCall;
import org.switchboard.pbx.call.CallTap;
import org.switchboard.store.recording.NewCallRecording;

/**
 * One recording of one call: optionally the announcement first, played to both parties by PBX endpoints diverted
 * onto the relay's legs as hold music is (each party hears it instead of the other for its length), then the tap
 * into a {@link StereoRecording}; on {@link #stop} the file is finished on the relay's loop and its row stored on a
 * virtual thread once it is on disk. Every method runs on the call's executor (endpoint events are posted there too).
 */
final class RecordingRun implements CallTap {
    private static final Logger log = LoggerFactory.getLogger(RecordingRun.class);

    private final RecordingService service;
    private final BridgedCall call;
    private final String extension;
    private final List<MediaEndpoint> announcing = new ArrayList<>(2);
    private int announcementsLeft;
    private StereoRecording recording;
    private Instant started;
    private String file;
    private boolean stopped;

    RecordingRun(RecordingService service, BridgedCall call, String extension) {
        this.service = service;
        this.call = call;
        this.extension = extension;
    }

    /** Starts recording now. */
    void record() {
        if (stopped) {
            return;
        }
        started = service.now();
        file = CallRecorder.fileName(call.callId(), started);
        recording = new StereoRecording(new WavRecorder(service.folder().resolve(file), 2));
        call.session().tap(recording);
        log.info("recording started call_id={} extension={} file={}", call.callId(), extension, file);
    }

    /**
     * Plays {@code prompt} to both parties, then records. A call on a codec the endpoints cannot speak, or an
     * announcement that cannot be played, is not recorded: recording without the announcement it needs is not
     * allowed.
     */
    void announceThenRecord(MediaEndpoints endpoints, AudioClip prompt) {
        Optional<RemoteMedia> format = call.codec().flatMap(RemoteMedia::latchedG711);
        if (format.isEmpty()) {
            log.warn("recording not started call_id={} reason=announcement needs G.711, call has {}", call.callId(),
                    call.codec().orElse("no codec"));
            return;
        }
        announcementsLeft = Leg.values().length;
        for (Leg leg : Leg.values()) {
            endpoints.attach(call.session(), leg, new MediaEventListener() {
                @Override
                public void onPlaybackFinished(long playbackId, PlaybackEnd reason) {
                    announced(reason);
                }
            }, call.executor()).whenComplete((endpoint, failure) -> call.executor().execute(() -> {
                if (failure != null) {
                    log.warn("recording not started call_id={} reason=announcement unavailable: {}", call.callId(),
                            failure.toString());
                    stop();
                } else if (stopped) {
                    endpoint.close();
                } else {
                    announcing.add(endpoint);
                    endpoint.setRemote(format.get());
                    endpoint.play(prompt.source());
                }
            }));
        }
    }

    private void announced(PlaybackEnd reason) {
        if (stopped || recording != null || --announcementsLeft > 0) {
            return;
        }
        endAnnouncement();
        log.info("recording announced call_id={} end={}", call.callId(), reason);
        record();
    }

    @Override
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        endAnnouncement();
        if (recording == null) {
            return;
        }
        StereoRecording finishing = recording;
        call.session().untap()
                .thenCompose(v -> finishing.finish()) // on the relay's loop, after the last packet it tapped
                .whenCompleteAsync(this::store, command -> Thread.ofVirtual().name("recording-store").start(command));
    }

    /** Closing an endpoint gives its leg back to the relay. */
    private void endAnnouncement() {
        announcing.forEach(MediaEndpoint::close);
        announcing.clear();
    }

    private void store(Duration length, Throwable failure) {
        if (failure != null) {
            log.warn("recording lost call_id={} file={} cause={}", call.callId(), file, failure.toString());
            return;
        }
        try {
            service.stored(new NewCallRecording(call.callId(), extension, started,
                    (int) Math.round(length.toMillis() / 1000.0), file));
        } catch (RuntimeException e) {
            log.warn("recording row not stored call_id={} file={} cause={}", call.callId(), file, e.toString());
        }
    }
}
