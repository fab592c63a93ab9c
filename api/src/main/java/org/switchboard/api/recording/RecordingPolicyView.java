package org.switchboard.api.recording;

import org.switchboard.store.recording.ExtensionRecording;

/** An extension's recording settings as the API shows them. */
public record RecordingPolicyView(String extension, String policy, boolean announcement) {
    static RecordingPolicyView of(ExtensionRecording settings) {
        return new RecordingPolicyView(settings.extension(), settings.policy().label(), settings.announcement());
    }
}
