package org.switchboard.store.provisioning;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * A provisioned device's own SIP credentials as stored (V062): its digest user name and the HA1s
 * of its generated password for {@code realm}. Checks the stored shape
 * ({@link org.switchboard.store.db.ValidationException} naming the column). Immutable;
 * {@link #toString()} hides the HA1s, which are password-equivalent for that realm.
 */
public record DeviceLogin(String authUser, String ha1Md5, String ha1Sha256, String realm) {
    private static final Pattern HEX_MD5 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DeviceLogin {
        authUser = ProvisioningColumns.text(authUser, "auth_user", 64);
        Fields.check(ha1Md5 != null && HEX_MD5.matcher(ha1Md5).matches(), "ha1_md5", "must be 32 lower-case hex digits");
        Fields.check(ha1Sha256 != null && HEX_SHA256.matcher(ha1Sha256).matches(), "ha1_sha256",
                "must be 64 lower-case hex digits");
        realm = ProvisioningColumns.text(realm, "realm", 255);
    }

    @Override
    public String toString() {
        return "DeviceLogin[authUser=" + authUser + ", realm=" + realm + ", ha1s=***]";
    }
}
