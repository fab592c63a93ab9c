package org.switchboard.api.provisioning;

import java.time.Instant;
import org.switchboard.store.provisioning.ProvisionedDevice;

/**
 * A provisioned device as the API shows it; never carries the sealed SIP secret. Immutable, any thread.
 *
 * @param configPath where the phone fetches its main file, relative to the server (with the
 *     installation's URL token)
 */
public record DeviceView(String macAddress, String extensionNumber, String vendor, String model, String staticIp,
                         String configPath, Instant lastProvisioned, Instant createdAt, Instant updatedAt) {

    static DeviceView of(ProvisionedDevice d, String urlToken) {
        return new DeviceView(d.macAddress(), d.extensionNumber(), d.vendor(), d.model(), d.staticIp(),
                "/provision/" + urlToken + "/" + d.macAddress() + ".cfg", d.lastProvisionedAt(), d.createdAt(), d.updatedAt());
    }
}
