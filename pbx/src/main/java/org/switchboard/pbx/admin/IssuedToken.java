package org.switchboard.pbx.admin;

import java.time.Instant;
import org.switchboard.store.admin.AdminRole;

/**
 * A bearer token just issued by a login, with the role it acts in: the only moment the plain
 * token exists; the database keeps its SHA-256 hash. {@link #toString()} hides the token so it
 * cannot reach a log by accident.
 */
public record IssuedToken(String token, AdminRole role, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedToken[token=***, role=" + role.wireName() + ", expiresAt=" + expiresAt + "]";
    }
}
