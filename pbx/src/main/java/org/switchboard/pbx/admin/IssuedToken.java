package org.switchboard.pbx.admin;

import java.time.Instant;

/**
 * A bearer token just issued by a login: the only moment the plain token exists; the database
 * keeps its SHA-256 hash. {@link #toString()} hides the token so it cannot reach a log by accident.
 */
public record IssuedToken(String token, Instant expiresAt) {
    @Override
    public String toString() {
        return "IssuedToken[token=***, expiresAt=" + expiresAt + "]";
    }
}
