package org.switchboard.pbx.provisioning;

import java.net.InetAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * One device to provision, as read from a bulk import file; immutable, any thread.
 *
 * @param model the canonical model name from {@link PhoneModels}
 */
public record DeviceImportRow(
        MacAddress mac, String extension, Vendor vendor, String model, Optional<InetAddress> staticIp) {

    private static final Pattern EXTENSION = Pattern.compile("\\d{1,15}");

    public DeviceImportRow {
        Fields.check(extension != null && EXTENSION.matcher(extension).matches(),
                "extension_number", "must be 1 to 15 digits");
        Fields.check(model != null && PhoneModels.canonical(vendor, model).filter(model::equals).isPresent(),
                "model", "is not a known " + vendor.id() + " model");
    }
}
