package org.switchboard.pbx.admin;

import java.time.Duration;

/**
 * How long admin tokens live and how failed logins are throttled ({@link LoginThrottle}): after
 * {@code maxFailedLogins} failures within {@code failureWindow} a (username, address) pair or an
 * address is blocked, and every attempt for a username over the limit waits {@code loginSlowdown}.
 * Immutable; comes from the server's config ({@code admin.*}) or {@link #defaults()}.
 */
public record AuthPolicy(Duration tokenLifetime, int maxFailedLogins, Duration failureWindow, Duration loginSlowdown) {
    public AuthPolicy {
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
        if (maxFailedLogins < 1 || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("maxFailedLogins must be >= 1 and failureWindow positive");
        }
        if (loginSlowdown.isNegative()) {
            throw new IllegalArgumentException("loginSlowdown must not be negative");
        }
    }

    /** This policy with tokens that live {@code lifetime}. */
    public AuthPolicy withTokenLifetime(Duration lifetime) {
        return new AuthPolicy(lifetime, maxFailedLogins, failureWindow, loginSlowdown);
    }

    /** This policy with another login throttle. */
    public AuthPolicy withLoginThrottle(int maxFailures, Duration window, Duration slowdown) {
        return new AuthPolicy(tokenLifetime, maxFailures, window, slowdown);
    }

    /** Tokens live 12 h; 5 failed logins in 5 minutes block the pair or address and slow the username by 1 s. */
    public static AuthPolicy defaults() {
        return new AuthPolicy(Duration.ofHours(12), 5, Duration.ofMinutes(5), Duration.ofSeconds(1));
    }
}
