package org.switchboard.store.emergency;

import java.time.Instant;

/** The stored dispatchable location of one extension, and when it was saved. Immutable. */
public record EmergencyLocation(String extension, CivicAddress civic, Instant createdAt, Instant updatedAt) {}
