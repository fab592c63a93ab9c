package org.switchboard.api.recording;

import java.util.Optional;

/** Body and view of {@code /api/recordings/retention}: days recordings are kept, null for forever. */
public record RetentionBody(Integer maxAgeDays) {
    Optional<Integer> days() {
        return Optional.ofNullable(maxAgeDays);
    }
}
