package org.switchboard.api.auth;

import java.util.Optional;
import org.switchboard.store.admin.AdminRole;

/**
 * Request body of {@code POST /api/admin/users} (all fields required) and {@code PUT
 * /api/admin/users/{username}} (each optional; a username must match the path). {@link
 * #toString()} hides the password.
 */
public record AdminUserBody(String username, String password, String role) {

    /** The role named, if any; 400 on {@code role} for an unknown one. */
    Optional<AdminRole> adminRole() {
        return Optional.ofNullable(role).map(r -> AdminRole.fromWire(r, "role"));
    }

    @Override
    public String toString() {
        return "AdminUserBody[username=" + username + ", password=***, role=" + role + "]";
    }
}
