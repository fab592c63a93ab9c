package org.switchboard.api.recording;

import org.switchboard.store.db.ValidationException;

/** Body of {@code POST /api/calls/{id}/recording}: {@code {"action":"start"}} or {@code stop}. */
public record CallRecordingBody(String action) {
    boolean start() {
        if ("start".equals(action)) {
            return true;
        }
        if ("stop".equals(action)) {
            return false;
        }
        throw new ValidationException("action", "must be start or stop");
    }
}
