package org.switchboard.api.auth;

import java.time.Instant;
import org.switchboard.store.admin.LoginAttempt;

/** One audited login attempt in {@code GET /api/admin/logins}. */
public record LoginAttemptView(long id, String username, String address, String result, Instant at) {
    static LoginAttemptView of(LoginAttempt a) {
        return new LoginAttemptView(a.id(), a.username(), a.address(), a.result().wireName(), a.at());
    }
}
