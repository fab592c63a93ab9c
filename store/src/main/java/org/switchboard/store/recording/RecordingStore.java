package org.switchboard.store.recording;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.NotFoundException;

/** What call recording may ask of the database. Implementations are thread-safe; every call blocks. */
public interface RecordingStore {
    /** Every extension's stored settings. */
    List<ExtensionRecording> policies();

    /** Stores {@code settings} for its extension; {@code ConflictException} when the extension does not exist. */
    ExtensionRecording savePolicy(ExtensionRecording settings, Instant now);

    /** Stores a finished recording. */
    CallRecording add(NewCallRecording recording);

    Optional<CallRecording> find(long id);

    /** The recordings {@code query} selects, newest first, at most {@code limit}. */
    List<CallRecording> list(RecordingQuery query, int limit);

    /** Sets or clears the legal hold; {@link NotFoundException} when absent. */
    CallRecording setLegalHold(long id, boolean legalHold);

    /** Removes the row; {@link NotFoundException} when absent. */
    void delete(long id);

    /** Recordings that started before {@code before} and are not under legal hold, oldest first. */
    List<CallRecording> expired(Instant before);

    /** How many days recordings are kept; empty: forever. */
    Optional<Integer> retentionDays();

    /** Sets how many days recordings are kept, or forever when empty. */
    void saveRetentionDays(Optional<Integer> days, Instant now);
}
