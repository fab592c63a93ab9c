package org.switchboard.store.trunk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the trunk feature may ask of the database: the {@code sip_trunks} table. Thread-safe. */
public interface SipTrunkStore {

    /** Saves a new trunk; {@code ConflictException("name")} when the name is taken. */
    SipTrunk create(NewSipTrunk trunk, Instant now);

    /** Replaces a trunk's values; {@code NotFoundException} when no trunk has {@code name}. */
    SipTrunk update(String name, NewSipTrunk trunk, Instant now);

    /** Deletes a trunk; {@code NotFoundException} when no trunk has {@code name}. */
    void delete(String name);

    /** The trunk named {@code name}, if any. */
    Optional<SipTrunk> find(String name);

    /** Every trunk, by name. */
    List<SipTrunk> list();
}
