package org.switchboard.pbx.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.endpoint.StereoRecording;
import org.switchboard.media.endpoint.WavRecorder;
import org.switchboard.pbx.call.BridgedCall;
import org.switchboard.pbx.call.CallRecorders;
import org.switchboard.pbx.call.CallTap;
import org.switchboard.store.recording.ExtensionRecording;
import org.switchboard.store.recording.NewCallRecording;
import org.switchboard.store.recording.RecordingPolicy;

/**
 * Records bridged calls as their parties' policies say: taps the call's relay session into a {@link
 * StereoRecording} (caller left, callee right) under the service's folder, and when the call stops being recorded
 * finishes the file on the relay's loop and stores its row on a virtual thread once the file is on disk, so a row
 * never names a file that is not complete. Called on the calls' executors; never blocks them. Thread-safe.
 */
public final class CallRecorder implements CallRecorders {
    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    private final RecordingService service;

    public CallRecorder(RecordingService service) {
        this.service = service;
    }

    @Override
    public Optional<CallTap> tap(BridgedCall call, boolean demanded) {
        return whoseRecording(call, demanded).map(extension -> start(call, extension));
    }

    /** The extension whose policy records the call (the caller's first), if one does. */
    private Optional<String> whoseRecording(BridgedCall call, boolean demanded) {
        for (String party : new String[] {call.caller(), call.callee()}) {
            RecordingPolicy policy = service.policy(party).policy();
            if (policy == RecordingPolicy.ALWAYS || demanded && policy == RecordingPolicy.ON_DEMAND) {
                return Optional.of(party);
            }
        }
        return Optional.empty();
    }

    private CallTap start(BridgedCall call, String extension) {
        Instant started = call.at();
        String file = fileName(call.callId(), started);
        StereoRecording recording = new StereoRecording(new WavRecorder(service.folder().resolve(file), 2));
        call.session().tap(recording);
        log.info("recording started call_id={} extension={} file={}", call.callId(), extension, file);
        return () -> call.session().untap()
                .thenCompose(v -> recording.finish()) // on the relay's loop, after the last packet it tapped
                .whenCompleteAsync((length, failure) -> store(call, extension, started, file, length, failure),
                        command -> Thread.ofVirtual().name("recording-store").start(command));
    }

    private void store(BridgedCall call, String extension, Instant started, String file, Duration length,
            Throwable failure) {
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

    /** A name unique per recording and safe on any file system: start time, then the Call-ID's safe characters. */
    static String fileName(String callId, Instant started) {
        String safe = callId.replaceAll("[^A-Za-z0-9._-]", "_");
        return started.toEpochMilli() + "-" + safe.substring(0, Math.min(safe.length(), 100)) + ".wav";
    }
}
