package org.switchboard.store.parking;

import java.time.Instant;
import java.util.Optional;

/** What the parking feature may ask of the database: the {@code park_lots} table. Thread-safe. */
public interface ParkLotStore {

    /** The lot called {@code name}, if it is stored. */
    Optional<ParkLot> find(String name);

    /** Stores {@code values} as lot {@code name}: a new row when there is none, else the row's new values. */
    ParkLot save(String name, NewParkLot values, Instant now);

    /** How many lots are stored (the seed runs only into an empty table). */
    int count();
}
