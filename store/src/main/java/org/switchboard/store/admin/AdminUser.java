package org.switchboard.store.admin;

import java.time.Instant;

/** A stored admin account; {@code passwordHash} is an Argon2id PHC string. Immutable; {@link #toString()} hides the hash. */
public record AdminUser(long id, String username, String passwordHash, AdminRole role, Instant createdAt, Instant updatedAt) {
    @Override
    public String toString() {
        return "AdminUser[id=" + id + ", username=" + username + ", role=" + role.wireName() + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
