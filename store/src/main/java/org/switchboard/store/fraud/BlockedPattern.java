package org.switchboard.store.fraud;

import java.time.Instant;

/** A stored blocked destination. Immutable. */
public record BlockedPattern(long id, NewBlockedPattern values, Instant createdAt, Instant updatedAt) {}
