package org.switchboard.store.provisioning;

import java.time.Instant;

/**
 * A stored provisioned device. {@code staticIp}, {@code configUrl} and {@code lastProvisionedAt}
 * are null when not set (the last one until the phone first fetches its file). Immutable.
 */
public record ProvisionedDevice(
        long id,
        String macAddress,
        String extensionNumber,
        String vendor,
        String model,
        String staticIp,
        String configUrl,
        Instant lastProvisionedAt,
        Instant createdAt,
        Instant updatedAt) {}
