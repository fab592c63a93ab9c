package org.switchboard.pbx.extension;

/**
 * What the registrar needs to check a digest response for one extension: the HA1s for the realm
 * they were computed for, whether the extension may register, and which digest algorithms its
 * phones are held to. Immutable; {@link #toString()} hides the HA1s, which are password-equivalent
 * for that realm.
 */
public record SipCredentials(String number, String realm, String ha1Md5, String ha1Sha256, boolean enabled,
        DigestChoice digestChoice) {
    @Override
    public String toString() {
        return "SipCredentials[number=" + number + ", realm=" + realm + ", ha1Md5=***, ha1Sha256=***, enabled=" + enabled
                + ", digestChoice=" + digestChoice + "]";
    }
}
