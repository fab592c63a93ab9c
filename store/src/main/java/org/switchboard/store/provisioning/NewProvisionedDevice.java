package org.switchboard.store.provisioning;

/**
 * The values a provisioned device is created or updated with, already validated for meaning
 * by the pbx service (known vendor and model, a real MAC); this record checks the stored shape
 * and throws {@link org.switchboard.store.db.ValidationException} naming the column.
 * {@code staticIp}, {@code configUrl}, {@code sipSecret} and {@code login} may be null. Immutable;
 * {@link #toString()} hides the secret.
 *
 * @param macAddress 12 lower-case hex digits
 * @param sipSecret the device's SIP password sealed by the pbx service (never the plain password)
 * @param login the device's own digest user name and the HA1s of that password
 */
public record NewProvisionedDevice(
        String macAddress, String extensionNumber, String vendor, String model, String staticIp, String configUrl,
        String sipSecret, DeviceLogin login) {

    public NewProvisionedDevice {
        macAddress = ProvisioningColumns.mac(macAddress);
        extensionNumber = ProvisioningColumns.text(extensionNumber, "extension_number", 32);
        vendor = ProvisioningColumns.text(vendor, "vendor", 32);
        model = ProvisioningColumns.text(model, "model", 64);
        staticIp = ProvisioningColumns.optional(staticIp, "static_ip", 45);
        configUrl = ProvisioningColumns.optional(configUrl, "config_url", 2048);
        sipSecret = ProvisioningColumns.optional(sipSecret, "sip_secret", 512);
    }

    @Override
    public String toString() {
        return "NewProvisionedDevice[macAddress=" + macAddress + ", extensionNumber=" + extensionNumber + ", vendor="
                + vendor + ", model=" + model + ", staticIp=" + staticIp + ", configUrl=" + configUrl + ", sipSecret=***, login=" + login + "]";
    }
}
