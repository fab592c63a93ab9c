package org.switchboard.api.recording;

import org.switchboard.store.recording.ExtensionRecording;
import org.switchboard.store.recording.RecordingPolicy;

/** Body of {@code PUT /api/extensions/{number}/recording}; {@code announcement} omitted: false. */
public record RecordingPolicyBody(String policy, Boolean announcement) {
    ExtensionRecording toSettings(String extension) {
        return new ExtensionRecording(extension, RecordingPolicy.of(policy), Boolean.TRUE.equals(announcement));
    }
}
