package org.switchboard.api.auth;

import java.util.Optional;
import org.switchboard.store.db.Fields;

/**
 * Request body of {@code POST /api/auth/login}; {@code totp} (a current code or a recovery code)
 * only for accounts with a second factor. Validates itself; {@link #toString()} hides the secrets.
 */
public record LoginBody(String username, String password, String totp) {
    public LoginBody {
        username = Fields.required(username, "username");
        Fields.check(password != null && !password.isEmpty(), "password", "is required");
        Fields.check(totp == null || totp.length() <= 64, "totp", "must be at most 64 characters");
    }

    /** The second factor, if the body carries one. */
    public Optional<String> secondFactor() {
        return Optional.ofNullable(totp);
    }

    @Override
    public String toString() {
        return "LoginBody[username=" + username + ", password=***, totp=***]";
    }
}
