package org.switchboard.pbx.provisioning;

/**
 * A provisioned device's own SIP credentials as the digest check needs them: its user name, the
 * extension whose address of record it registers to, and the HA1s of its generated password for
 * {@code realm}. Immutable; {@link #toString()} hides the HA1s, which are password-equivalent.
 */
public record ProvisionedLogin(
        String authUser, String extension, String macAddress, String realm, String ha1Md5, String ha1Sha256) {
    @Override
    public String toString() {
        return "ProvisionedLogin[authUser=" + authUser + ", extension=" + extension + ", macAddress=" + macAddress
                + ", realm=" + realm + ", ha1s=***]";
    }
}
