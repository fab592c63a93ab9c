package org.switchboard.pbx.provisioning;

import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * The SIP account written into a phone's configuration; immutable, any thread.
 *
 * <p>The password is in plain text because the phone needs it to answer digest challenges; the
 * caller decides where it comes from (see docs/provisioning.md). {@link #toString()} hides it.
 *
 * @param extension the extension number, which is also the SIP user (address-of-record user part)
 * @param authUser the digest username (RFC 3261 §22.4)
 */
public record SipAccount(String extension, String displayName, String authUser, String password) {

    // A conservative subset of RFC 3261 §25.1 "user": what every vendor's username field accepts.
    private static final Pattern AUTH_USER = Pattern.compile("[A-Za-z0-9._~+-]{1,64}");

    public SipAccount {
        ConfigText.extensionNumber(extension);
        ConfigText.text(displayName, "display_name", 64);
        Fields.check(authUser != null && AUTH_USER.matcher(authUser).matches(), "auth_user",
                "must be 1 to 64 letters, digits or . _ ~ + - characters");
        ConfigText.text(password, "sip_password", 128);
    }

    @Override
    public String toString() {
        return "SipAccount[extension=" + extension + ", displayName=" + displayName + ", authUser=" + authUser
                + ", password=***]";
    }
}
