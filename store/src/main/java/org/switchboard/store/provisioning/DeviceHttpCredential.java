package org.switchboard.store.provisioning;

import java.time.Instant;

/**
 * A provisioned phone's HTTP digest credentials as stored: the user name and the MD5 HA1 for the
 * realm, never the password. Immutable.
 */
public record DeviceHttpCredential(String macAddress, String username, String realm, String ha1Md5, Instant createdAt, Instant updatedAt) {
    @Override
    public String toString() {
        return "DeviceHttpCredential[mac=" + macAddress + ", username=" + username + ", realm=" + realm + ", ha1=***]";
    }
}
