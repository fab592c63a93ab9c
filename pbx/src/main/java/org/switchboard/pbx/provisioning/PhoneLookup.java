package org.switchboard.pbx.provisioning;

import java.util.List;
import org.switchboard.store.provisioning.ProvisionedDevice;
import org.switchboard.store.provisioning.RegisteredPhone;

/**
 * Everything known about one phone, looked up by MAC or IP address: the provisioned devices it
 * matches and the registrations seen from it. Immutable, any thread.
 *
 * @param query the MAC (12 lower-case hex digits) or IP address (canonical text) looked up
 * @param kind {@code mac} or {@code ip}
 */
public record PhoneLookup(String query, String kind, List<ProvisionedDevice> devices, List<RegisteredPhone> registrations) {
    public PhoneLookup {
        devices = List.copyOf(devices);
        registrations = List.copyOf(registrations);
    }

    /** Whether anything at all matched. */
    public boolean found() {
        return !devices.isEmpty() || !registrations.isEmpty();
    }
}
