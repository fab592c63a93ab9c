package org.switchboard.store.emergency;

import java.time.Instant;

/** The saved emergency settings and when they were first and last saved. Immutable. */
public record StoredEmergencySettings(EmergencySettings values, Instant createdAt, Instant updatedAt) {}
