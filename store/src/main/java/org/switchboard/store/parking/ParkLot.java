package org.switchboard.store.parking;

import java.time.Instant;

/** A stored park lot: its id and name, the values it was saved with and when. Immutable. */
public record ParkLot(long id, String name, NewParkLot values, Instant createdAt, Instant updatedAt) {}
