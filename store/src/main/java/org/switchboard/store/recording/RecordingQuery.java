package org.switchboard.store.recording;

import java.time.Instant;
import java.util.Optional;

/**
 * Which recordings to list; an empty part does not filter. Immutable.
 *
 * @param from started at or after
 * @param until started before
 */
public record RecordingQuery(Optional<String> extension, Optional<String> callId, Optional<Instant> from,
        Optional<Instant> until) {
    /** Every recording. */
    public static final RecordingQuery ALL =
            new RecordingQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
