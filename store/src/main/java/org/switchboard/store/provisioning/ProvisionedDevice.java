package org.switchboard.store.provisioning;

import java.time.Instant;

/**
 * A stored provisioned device. {@code staticIp}, {@code configUrl} and {@code lastProvisionedAt}
 * are null when not set (the last one until the phone first fetches its file); {@code sipSecret}
 * is the device's sealed SIP password, null when none was generated. Immutable; {@link #toString()}
 * hides the secret.
 */
public record ProvisionedDevice(
        long id,
        String macAddress,
        String extensionNumber,
        String vendor,
        String model,
        String staticIp,
        String configUrl,
        String sipSecret,
        Instant lastProvisionedAt,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "ProvisionedDevice[id=" + id + ", macAddress=" + macAddress + ", extensionNumber=" + extensionNumber
                + ", vendor=" + vendor + ", model=" + model + ", staticIp=" + staticIp + ", configUrl=" + configUrl
                + ", sipSecret=***, lastProvisionedAt=" + lastProvisionedAt + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
