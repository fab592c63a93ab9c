package org.switchboard.pbx.admin;

import java.time.Duration;

/** Too many failed logins for a username or from a client address; try again after {@link #retryAfter()}. */
public final class LoginThrottledException extends RuntimeException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("too many failed logins; retry after " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
