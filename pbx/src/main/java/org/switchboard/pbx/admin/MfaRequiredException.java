package org.switchboard.pbx.admin;

/** The password was right, but the account has a second factor and the login carried no code (HTTP 401, code {@code mfa_required}). */
public final class MfaRequiredException extends RuntimeException {
    public MfaRequiredException() {
        super("this account needs a one-time code: send it as \"totp\" with the password");
    }
}
