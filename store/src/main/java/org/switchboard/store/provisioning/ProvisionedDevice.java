package org.switchboard.store.provisioning;

import java.time.Instant;

/**
 * A stored provisioned device. {@code staticIp}, {@code configUrl} and {@code lastProvisionedAt}
 * are null when not set (the last one until the phone first fetches its file); {@code sipSecret}
 * is the device's sealed SIP password, null when none was generated; {@code login} is the device's
 * own digest user name and HA1s (V062), null until it was given some. Immutable; {@link #toString()}
 * hides the secrets.
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
        DeviceLogin login,
        Instant lastProvisionedAt,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "ProvisionedDevice[id=" + id + ", macAddress=" + macAddress + ", extensionNumber=" + extensionNumber
                + ", vendor=" + vendor + ", model=" + model + ", staticIp=" + staticIp + ", configUrl=" + configUrl
                + ", sipSecret=***, login=" + login + ", lastProvisionedAt=" + lastProvisionedAt + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
