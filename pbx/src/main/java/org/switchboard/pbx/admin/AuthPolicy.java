package org.switchboard.pbx.admin;

import java.time.Duration;

/**
 * How long admin tokens live and how failed logins are throttled. Immutable; comes from the
 * server's config ({@code admin.token_ttl}) or {@link #defaults()}.
 */
public record AuthPolicy(Duration tokenLifetime, int maxFailedLogins, Duration failureWindow) {
    public AuthPolicy {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
        if (maxFailedLogins < 1 || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("maxFailedLogins must be >= 1 and failureWindow positive");
        }
    }

    /** This policy with tokens that live {@code lifetime}. */
    public AuthPolicy withTokenLifetime(Duration lifetime) {
        return new AuthPolicy(lifetime, maxFailedLogins, failureWindow);
    }

    /** Tokens live 12 h; 5 failed logins in 5 minutes per username or address block further tries. */
    public static AuthPolicy defaults() {
        return new AuthPolicy(Duration.ofHours(12), 5, Duration.ofMinutes(5));
    }
}
