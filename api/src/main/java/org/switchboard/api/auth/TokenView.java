package org.switchboard.api.auth;

import java.time.Instant;
import org.switchboard.pbx.admin.IssuedToken;

/** Response body of a successful login: {@code {"token","role","expires_at"}}. */
public record TokenView(String token, String role, Instant expiresAt) {
    static TokenView of(IssuedToken issued) {
        return new TokenView(issued.token(), issued.role().wireName(), issued.expiresAt());
    }

    @Override
    public String toString() {
        return "TokenView[token=***, role=" + role + ", expiresAt=" + expiresAt + "]";
    }
}
