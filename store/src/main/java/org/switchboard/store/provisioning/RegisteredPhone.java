package org.switchboard.store.provisioning;

import java.time.Instant;

/** A phone seen registering to an extension; {@code macAddress} is null when it never told. Immutable. */
public record RegisteredPhone(
        long id,
        String macAddress,
        String extensionNumber,
        String userAgent,
        String ipAddress,
        String contactUri,
        Instant firstRegisteredAt,
        Instant lastRegisteredAt,
        Instant updatedAt) {}
