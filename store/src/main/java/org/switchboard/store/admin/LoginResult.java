package org.switchboard.store.admin;

import java.util.Locale;

/** How an admin login attempt ended, as the audit records it; {@link #wireName()} is the API's and the database's spelling. */
public enum LoginResult {
    SUCCESS,
    INVALID_CREDENTIALS,
    /** The password was right, but the account has a second factor and no code came with it. */
    MFA_REQUIRED,
    INVALID_MFA,
    THROTTLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LoginResult fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
