package org.switchboard.api.auth;

import java.time.Instant;
import org.switchboard.store.admin.AdminUser;

/** An admin account in answers: never its password hash. */
public record AdminUserView(String username, String role, boolean totpEnabled, Instant createdAt, Instant updatedAt) {
    static AdminUserView of(AdminUser user, boolean totpEnabled) {
        return new AdminUserView(user.username(), user.role().wireName(), totpEnabled, user.createdAt(), user.updatedAt());
    }
}
