package org.switchboard.store.route;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What least-cost routing may ask of the database: the {@code lcr_rates} table and each rate's
 * {@code lcr_time_rates}, written together. Thread: any request, worker or virtual thread, never
 * an event loop or a call thread.
 */
public interface LcrRateStore {

    /**
     * Saves a new rate; {@code ConflictException("prefix")} when the trunk has one for the prefix,
     * {@code ConflictException} on {@code trunk} (PostgreSQL) or {@code reference} (SQLite) for an unknown trunk.
     */
    LcrRate create(NewLcrRate rate, Instant now);

    /** Replaces a rate's values and time rates; {@code NotFoundException} when there is no rate {@code id}. */
    LcrRate update(long id, NewLcrRate rate, Instant now);

    /** Deletes a rate with its time rates; {@code NotFoundException} when there is no rate {@code id}. */
    void delete(long id);

    /** The rate {@code id}, if any. */
    Optional<LcrRate> find(long id);

    /** Every rate, by trunk and prefix. */
    List<LcrRate> list();
}
