package org.switchboard.api.recording;

import java.time.Instant;
import org.switchboard.store.recording.CallRecording;

/** A recording as the API shows it; its audio is at {@code audio_url}. */
public record RecordingView(long id, String callId, String extension, Instant startedAt, int durationSeconds,
        boolean legalHold, String audioUrl) {
    static RecordingView of(CallRecording recording) {
        return new RecordingView(recording.id(), recording.callId(), recording.extension(), recording.startedAt(),
                recording.durationSeconds(), recording.legalHold(), "/api/recordings/" + recording.id() + "/audio");
    }
}
