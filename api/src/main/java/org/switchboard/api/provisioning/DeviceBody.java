package org.switchboard.api.provisioning;

import org.switchboard.pbx.provisioning.DeviceInput;

/** The JSON body of {@code POST /api/provisioning/devices}; parsed on the request's thread. */
public record DeviceBody(String macAddress, String extensionNumber, String vendor, String model) {

    /** Checks every field; {@code ValidationException} names the first bad one. */
    DeviceInput toInput() {
        return DeviceInput.parse(macAddress, extensionNumber, vendor, model);
    }
}
