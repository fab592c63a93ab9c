package org.switchboard.store.admin;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored admin bearer token (only its SHA-256 is kept), with the username and current role of
 * its account; an API token also has a name and a scope, a login session neither. Immutable; any thread.
 */
public record AdminToken(long id, long adminUserId, String username, AdminRole role, Optional<String> name,
                         Optional<AdminRole> scope, Instant expiresAt, Instant createdAt) {

    /** What the bearer may do: the account's role, narrowed by the scope of an API token. */
    public AdminRole effectiveRole() {
        return scope.map(role::narrowedTo).orElse(role);
    }

    /** Whether this is an API token (made for a script) rather than a login session. */
    public boolean isApiToken() {
        return scope.isPresent();
    }
}
