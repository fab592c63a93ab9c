package org.switchboard.api.auth;

import java.time.Instant;
import org.switchboard.pbx.admin.IssuedToken;

/** Response body of a successful login: {@code {"token","expires_at"}}. */
public record TokenView(String token, Instant expiresAt) {
    static TokenView of(IssuedToken issued) {
        return new TokenView(issued.token(), issued.expiresAt());
    }

    @Override
    public String toString() {
        return "TokenView[token=***, expiresAt=" + expiresAt + "]";
    }
}
