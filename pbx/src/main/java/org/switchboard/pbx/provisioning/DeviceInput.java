package org.switchboard.pbx.provisioning;

import java.util.Objects;
import org.switchboard.store.db.ValidationException;

/**
 * What {@link ProvisioningService} needs to create or update a device: a normalised MAC, the
 * extension it registers as, and a known vendor and canonical model. Immutable, any thread.
 */
public record DeviceInput(MacAddress mac, String extension, Vendor vendor, String model) {

    public DeviceInput {
        Objects.requireNonNull(mac, "mac");
        Objects.requireNonNull(vendor, "vendor");
        ConfigText.extensionNumber(extension);
        if (model == null || PhoneModels.canonical(vendor, model).filter(model::equals).isEmpty()) {
            throw new ValidationException("model", "is not a known " + vendor.id() + " model");
        }
    }

    /**
     * Parses the four texts an API client or the config file gives.
     *
     * @throws ValidationException naming {@code mac_address}, {@code extension_number},
     *     {@code vendor} or {@code model}
     */
    public static DeviceInput parse(String mac, String extension, String vendor, String model) {
        if (mac == null || mac.isBlank()) {
            throw new ValidationException(MacAddress.FIELD, "is required");
        }
        MacAddress parsedMac = MacAddress.parse(mac);
        if (extension == null || extension.isBlank()) {
            throw new ValidationException("extension_number", "is required");
        }
        if (vendor == null || vendor.isBlank()) {
            throw new ValidationException("vendor", "is required");
        }
        Vendor v = Vendor.fromId(vendor).orElseThrow(() -> new ValidationException("vendor",
                "is not a supported vendor (yealink, polycom, grandstream, cisco, snom, fanvil)"));
        if (model == null || model.isBlank()) {
            throw new ValidationException("model", "is required");
        }
        String canonical = PhoneModels.canonical(v, model)
                .orElseThrow(() -> new ValidationException("model", "is not a known " + v.id() + " model"));
        return new DeviceInput(parsedMac, extension.strip(), v, canonical);
    }

    /** The same device from an accepted import line. */
    static DeviceInput of(DeviceImportRow row) {
        return new DeviceInput(row.mac(), row.extension(), row.vendor(), row.model());
    }
}
