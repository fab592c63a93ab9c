package org.switchboard.store.paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The paging zones and their members, written through: each method is one transaction (a zone and its members
 * together), committed when it returns. Thread-safe; never call from an event loop or a call thread. Every method
 * may throw {@link org.switchboard.store.db.UnavailableException}.
 */
public interface PagingZoneStore {

    /** Every zone with its members, by name. */
    List<PagingZone> list();

    /** The zone called {@code name}. */
    Optional<PagingZone> find(String name);

    /** Stores a new zone; {@code ConflictException} on {@code name} or {@code number} when another zone has it. */
    PagingZone create(NewPagingZone zone, Instant now);

    /** Replaces the zone called {@code name} (its members too); {@code NotFoundException} when there is none. */
    PagingZone update(String name, NewPagingZone zone, Instant now);

    /** Removes the zone called {@code name} and its members; {@code NotFoundException} when there is none. */
    void delete(String name);
}
