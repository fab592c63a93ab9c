package org.switchboard.pbx.recording;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.media.endpoint.AudioClip;
import org.switchboard.media.endpoint.MediaEndpoints;
import org.switchboard.pbx.call.BridgedCall;
import org.switchboard.pbx.call.CallRecorders;
import org.switchboard.pbx.call.CallTap;
import org.switchboard.store.recording.ExtensionRecording;
import org.switchboard.store.recording.RecordingPolicy;

/**
 * Records bridged calls as their parties' policies say ({@link RecordingRun}): the caller's policy first, then the
 * callee's; with the announcement when the deciding policy asks for it. Called on the calls' executors; never
 * blocks them. Thread-safe.
 */
public final class CallRecorder implements CallRecorders {
    private final RecordingService service;
    private final MediaEndpoints endpoints;
    private final AudioClip announcement;

    /** @param announcement what both parties hear before recording starts, when the policy asks */
    public CallRecorder(RecordingService service, MediaEndpoints endpoints, AudioClip announcement) {
        this.service = service;
        this.endpoints = endpoints;
        this.announcement = announcement;
    }

    @Override
    public Optional<CallTap> tap(BridgedCall call, boolean demanded) {
        return deciding(call, demanded).map(settings -> {
            RecordingRun run = new RecordingRun(service, call, settings.extension());
            if (settings.announcement()) {
                run.announceThenRecord(endpoints, announcement);
            } else {
                run.record();
            }
            return run;
        });
    }

    /** The settings of the party whose policy records the call (the caller's first), if one does. */
    private Optional<ExtensionRecording> deciding(BridgedCall call, boolean demanded) {
        for (String party : new String[] {call.caller(), call.callee()}) {
            ExtensionRecording settings = service.policy(party);
            RecordingPolicy policy = settings.policy();
            if (policy == RecordingPolicy.ALWAYS || demanded && policy == RecordingPolicy.ON_DEMAND) {
                return Optional.of(settings);
            }
        }
        return Optional.empty();
    }

    /** A name unique per recording and safe on any file system: start time, then the Call-ID's safe characters. */
    static String fileName(String callId, Instant started) {
        String safe = callId.replaceAll("[^A-Za-z0-9._-]", "_");
        return started.toEpochMilli() + "-" + safe.substring(0, Math.min(safe.length(), 100)) + ".wav";
    }
}
