package org.switchboard.store.route;

import java.time.Instant;

/** A stored rate: its id (its key in the API), the values it was saved with and when. Immutable. */
public record LcrRate(long id, NewLcrRate values, Instant createdAt, Instant updatedAt) {}
