package org.switchboard.store.admin;

/**
 * An admin's TOTP secret as stored: sealed (never the plain secret), whether the admin has
 * confirmed it with a code (only then is it required at login), and the newest time step accepted.
 * Immutable; any thread.
 */
public record MfaSecret(long adminUserId, String sealedSecret, boolean confirmed, long lastStep) {
    @Override
    public String toString() {
        return "MfaSecret[adminUserId=" + adminUserId + ", confirmed=" + confirmed + ", lastStep=" + lastStep + "]";
    }
}
