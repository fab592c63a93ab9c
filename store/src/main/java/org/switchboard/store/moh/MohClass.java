package org.switchboard.store.moh;

import java.time.Instant;

/** A stored music-on-hold class. Immutable. */
public record MohClass(long id, String name, String description, PlayOrder order, Instant createdAt, Instant updatedAt) {}
