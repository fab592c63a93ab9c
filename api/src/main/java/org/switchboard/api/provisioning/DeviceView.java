package org.switchboard.api.provisioning;

import java.time.Instant;
import org.switchboard.store.provisioning.ProvisionedDevice;

/**
 * A provisioned device as the API shows it; never carries the sealed SIP secret. Immutable, any thread.
 *
 * @param sipUser the device's own digest user name (its password is only in its file); null until it has one
 * @param configPath where the phone fetches its main file, relative to the server (with the
 *     installation's URL token)
 */
public record DeviceView(String macAddress, String extensionNumber, String vendor, String model, String staticIp,
                         String sipUser, String configPath, Instant lastProvisioned, Instant createdAt,
                         Instant updatedAt) {

    static DeviceView of(ProvisionedDevice d, String urlToken) {
        return new DeviceView(d.macAddress(), d.extensionNumber(), d.vendor(), d.model(), d.staticIp(),
                d.login() == null ? null : d.login().authUser(), "/provision/" + urlToken + "/" + d.macAddress() + ".cfg",
                d.lastProvisionedAt(), d.createdAt(), d.updatedAt());
    }
}
