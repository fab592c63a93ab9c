package org.switchboard.pbx.admin;

/** The login's one-time or recovery code is wrong, already used or out of its time window (HTTP 401, code {@code invalid_mfa}). */
public final class InvalidSecondFactorException extends RuntimeException {
    public InvalidSecondFactorException() {
        super("the one-time code is wrong or was used already");
    }
}
