package org.switchboard.store.provisioning;

import java.time.Instant;

/**
 * A phone seen registering to an extension; {@code macAddress} is null when it never told, and
 * {@code authUser} (the digest user name it last proved, V063) is null for rows written before it
 * was recorded. Immutable.
 */
public record RegisteredPhone(
        long id,
        String macAddress,
        String extensionNumber,
        String userAgent,
        String ipAddress,
        String contactUri,
        Instant firstRegisteredAt,
        Instant lastRegisteredAt,
        Instant updatedAt,
        String authUser) {}
