package org.switchboard.store.recording;

import org.switchboard.store.db.Fields;

/**
 * An extension's recording settings. Immutable.
 *
 * @param extension the extension's number
 * @param policy whether its calls are recorded
 * @param announcement whether both parties hear "this call may be recorded" before recording starts
 */
public record ExtensionRecording(String extension, RecordingPolicy policy, boolean announcement) {
    public ExtensionRecording {
        extension = Fields.required(extension, "extension");
        Fields.check(policy != null, "policy", "is required");
    }

    /** What an extension without settings has: not recorded. */
    public static ExtensionRecording none(String extension) {
        return new ExtensionRecording(extension, RecordingPolicy.NEVER, false);
    }
}
