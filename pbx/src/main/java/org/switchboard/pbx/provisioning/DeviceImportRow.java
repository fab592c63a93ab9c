package org.switchboard.pbx.provisioning;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.store.db.Fields;

/**
 * One device to provision, as read from a bulk import file; immutable, any thread.
 *
 * @param model the canonical model name from {@link PhoneModels}
 */
public record DeviceImportRow(
        MacAddress mac, String extension, Vendor vendor, String model, Optional<InetAddress> staticIp) {

    public DeviceImportRow {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(staticIp, "staticIp");
        ConfigText.extensionNumber(extension);
        Fields.check(model != null && PhoneModels.canonical(vendor, model).filter(model::equals).isPresent(),
                "model", "is not a known " + vendor.id() + " model");
    }
}
