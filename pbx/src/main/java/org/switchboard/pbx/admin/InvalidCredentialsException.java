package org.switchboard.pbx.admin;

/**
 * A login with an unknown username or a wrong password, or a token that is unknown, revoked or
 * expired. Deliberately says no more than that, so a caller cannot probe which usernames exist.
 */
public final class InvalidCredentialsException extends RuntimeException {
    public InvalidCredentialsException() {
        super("invalid credentials");
    }
}
