package org.switchboard.store.recording;

import java.time.Instant;
import org.switchboard.store.db.Fields;

/**
 * A finished recording to store. Immutable.
 *
 * @param callId the CDR's call_id
 * @param extension the extension whose policy recorded the call
 * @param startedAt when recording started
 * @param durationSeconds how long the recording is, rounded
 * @param file its path relative to the recordings folder
 */
public record NewCallRecording(String callId, String extension, Instant startedAt, int durationSeconds, String file) {
    public NewCallRecording {
        callId = Fields.required(callId, "call_id");
        extension = Fields.required(extension, "extension");
        Fields.check(startedAt != null, "started_at", "is required");
        Fields.check(durationSeconds >= 0, "duration_seconds", "must not be negative");
        file = Fields.required(file, "file");
    }
}
