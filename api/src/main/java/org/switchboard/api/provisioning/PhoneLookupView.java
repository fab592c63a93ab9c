package org.switchboard.api.provisioning;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.provisioning.PhoneLookup;
import org.switchboard.store.provisioning.ProvisionedDevice;
import org.switchboard.store.provisioning.RegisteredPhone;

/**
 * The answer of {@code GET /api/phone-lookup/{mac_or_ip}}: one summary line correlating what
 * provisioning and the registrar know, plus the rows it came from. Immutable, any thread.
 */
public record PhoneLookupView(String query, String kind, Summary phone, List<DeviceView> provisioned,
                              List<RegisteredPhoneView> registrations) {

    /**
     * The phone in one line: provisioning data wins for identity, the latest registration for
     * where it is now.
     */
    public record Summary(String macAddress, String extensionNumber, String vendor, String model, String staticIp,
                          boolean provisioned, Instant lastProvisioned, boolean registered, String ipAddress,
                          String userAgent, Instant lastRegistered) {}

    static PhoneLookupView of(PhoneLookup lookup, String urlToken) {
        Optional<ProvisionedDevice> device = lookup.devices().stream().findFirst();
        Optional<RegisteredPhone> latest = lookup.registrations().stream()
                .max(Comparator.comparing(RegisteredPhone::lastRegisteredAt));
        Summary summary = new Summary(
                device.map(ProvisionedDevice::macAddress).or(() -> latest.map(RegisteredPhone::macAddress)).orElse(null),
                device.map(ProvisionedDevice::extensionNumber)
                        .or(() -> latest.map(RegisteredPhone::extensionNumber)).orElse(null),
                device.map(ProvisionedDevice::vendor).orElse(null),
                device.map(ProvisionedDevice::model).orElse(null),
                device.map(ProvisionedDevice::staticIp).orElse(null),
                device.isPresent(),
                device.map(ProvisionedDevice::lastProvisionedAt).orElse(null),
                latest.isPresent(),
                latest.map(RegisteredPhone::ipAddress).orElse(null),
                latest.map(RegisteredPhone::userAgent).orElse(null),
                latest.map(RegisteredPhone::lastRegisteredAt).orElse(null));
        return new PhoneLookupView(lookup.query(), lookup.kind(), summary,
                lookup.devices().stream().map(d -> DeviceView.of(d, urlToken)).toList(),
                lookup.registrations().stream().map(RegisteredPhoneView::of).toList());
    }
}
