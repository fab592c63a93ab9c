package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.UnavailableException;

/**
 * The phones seen registering, per extension. Meant to be fed by a write-behind batch writer
 * (persistence.md): recording is an idempotent upsert, so a replayed batch is harmless. Each
 * method is one transaction. Thread-safe; call from worker or virtual threads, never an event
 * loop. Every method may throw {@link UnavailableException} when the database cannot be reached.
 */
public interface RegisteredPhoneStore {

    /**
     * Records a sighting: a phone that gave its MAC is one row per (MAC, extension), moving with
     * the phone's IP address; one that did not is one row per (IP address, extension). A phone
     * now holding an address another phone held for the same extension replaces that row.
     * Empty when the extension no longer exists (the sighting is dropped, not an error).
     */
    Optional<RegisteredPhone> record(PhoneSighting sighting);

    /** Records sightings in order, in one transaction; returns how many were stored. */
    int recordAll(List<PhoneSighting> sightings);

    /**
     * The same recording for a {@link BatchWriter}, inside the writer's transaction; coalesce
     * with {@link PhoneSighting#rowKey()}.
     */
    BatchSink<PhoneSighting> batchSink();

    /** The rows of every extension this MAC registered to, ordered by extension. */
    List<RegisteredPhone> findByMac(String macAddress);

    /** The phones registered to an extension, most recently seen first. */
    List<RegisteredPhone> findByExtension(String extensionNumber);

    /** Every row, ordered by extension then most recently seen first. */
    List<RegisteredPhone> list();

    /** Deletes the rows last seen before {@code cutoff} (retention); returns how many. */
    int deleteSeenBefore(Instant cutoff);
}
