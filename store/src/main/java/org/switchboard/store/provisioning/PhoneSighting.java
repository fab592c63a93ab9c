package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One successful REGISTER as the registrar saw it, to be recorded in {@code registered_phones}.
 * {@code macAddress} is null when the phone did not reveal it. Checks the stored shape
 * ({@link org.switchboard.store.db.ValidationException} naming the column). Immutable.
 *
 * @param ipAddress the source address of the REGISTER, as text
 * @param authUser the digest user name the phone proved: the extension number, or a provisioned
 *     device's own user name
 */
public record PhoneSighting(
        String macAddress, String extensionNumber, String userAgent, String ipAddress, String contactUri,
        Instant seenAt, String authUser) {

    public PhoneSighting {
        macAddress = macAddress == null ? null : ProvisioningColumns.mac(macAddress);
        extensionNumber = ProvisioningColumns.text(extensionNumber, "extension_number", 32);
        // A phone may send no User-Agent at all; that is still a sighting.
        userAgent = userAgent == null ? "" : userAgent.strip();
        if (userAgent.length() > 512) {
            // Only a label for people: keep the start rather than refuse the registration.
            userAgent = userAgent.substring(0, 512);
        }
        ipAddress = ProvisioningColumns.text(ipAddress, "ip_address", 45);
        contactUri = ProvisioningColumns.text(contactUri, "contact_uri", 2048);
        Objects.requireNonNull(seenAt, "seenAt");
        authUser = ProvisioningColumns.text(authUser, "auth_user", 64);
    }

    /**
     * The row this sighting updates, for coalescing in a write-behind queue: the later of two
     * sightings with one key makes the earlier one redundant.
     */
    public Object rowKey() {
        return macAddress != null
                ? List.of(extensionNumber, "mac", macAddress)
                : List.of(extensionNumber, "ip", ipAddress);
    }
}
