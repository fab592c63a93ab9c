package org.switchboard.store.ringgroup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The ring groups and their members, written through: each method is one transaction (a group and
 * its members together), committed when it returns. Thread-safe; never call from an event loop or
 * a call thread. Every method may throw {@link org.switchboard.store.db.UnavailableException}.
 */
public interface RingGroupStore {

    /** Every group with its members, by name. */
    List<RingGroup> list();

    /** The group called {@code name}. */
    Optional<RingGroup> find(String name);

    /** Stores a new group; {@code ConflictException} on {@code name} when one has that name. */
    RingGroup create(NewRingGroup group, Instant now);

    /** Replaces the group called {@code name} (its members too); {@code NotFoundException} when there is none. */
    RingGroup update(String name, NewRingGroup group, Instant now);

    /** Removes the group called {@code name} and its members; {@code NotFoundException} when there is none. */
    void delete(String name);
}
