package org.switchboard.store.provisioning;

import org.switchboard.store.db.Fields;

/** What storing a phone's HTTP digest credentials needs; checked on construction. Immutable. */
public record NewDeviceHttpCredential(String macAddress, String username, String realm, String ha1Md5) {
    public NewDeviceHttpCredential {
        Fields.check(macAddress != null && macAddress.matches("[0-9a-f]{12}"), "mac_address", "must be 12 lower-case hex digits");
        Fields.check(username != null && !username.isEmpty() && username.length() <= 64, "username", "must be 1 to 64 characters");
        Fields.check(realm != null && !realm.isEmpty() && realm.length() <= 128, "realm", "must be 1 to 128 characters");
        Fields.check(ha1Md5 != null && ha1Md5.matches("[0-9a-f]{32}"), "ha1_md5", "must be 32 lower-case hex digits");
    }

    @Override
    public String toString() {
        return "NewDeviceHttpCredential[mac=" + macAddress + ", username=" + username + ", realm=" + realm + ", ha1=***]";
    }
}
