package org.switchboard.api.auth;

import org.switchboard.store.db.Fields;

/** Request body of {@code POST /api/auth/login}. Validates itself; {@link #toString()} hides the password. */
public record LoginBody(String username, String password) {
    public LoginBody {
        username = Fields.required(username, "username");
        Fields.check(password != null && !password.isEmpty(), "password", "is required");
    }

    @Override
    public String toString() {
        return "LoginBody[username=" + username + ", password=***]";
    }
}
