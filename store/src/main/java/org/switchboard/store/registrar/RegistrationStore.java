package org.switchboard.store.registrar;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.UnavailableException;

/**
 * The registrar's bindings in {@code registrations}. New and removed bindings are written through
 * ({@link #write}); refreshes of an existing binding are written behind through a {@link
 * BatchWriter} fed with {@link #refreshSink()}. Thread-safe; call from worker or virtual threads,
 * never an event loop. Every method may throw {@link UnavailableException}.
 */
public interface RegistrationStore {

    /** Upserts {@code saved} and deletes {@code removed}, in one transaction. */
    void write(List<Registration> saved, List<RegistrationKey> removed);

    /**
     * Refreshes for a {@link BatchWriter} (coalesce with {@link Registration#key()}): updates a row
     * that still exists and was not changed later than the refresh; never re-creates a binding that
     * was removed meanwhile.
     */
    BatchSink<Registration> refreshSink();

    /** The bindings that have not expired at {@code now}, ordered by extension then contact. */
    List<Registration> listLive(Instant now);

    /** Deletes the bindings expired at {@code now} (expires_at at or before it); returns how many. */
    int deleteExpired(Instant now);
}
