package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;

/**
 * Admin accounts, written through (one transaction per method). Thread-safe; call from request,
 * worker or virtual threads, never an event loop.
 */
public interface AdminUserStore {

    /** Inserts an administrator account; {@link ConflictException} on field "username" if taken. */
    default AdminUser create(String username, String passwordHash, Instant now) {
        return create(username, passwordHash, AdminRole.ADMINISTRATOR, now);
    }

    /** Inserts an account with {@code role}; {@link ConflictException} on field "username" if taken. */
    AdminUser create(String username, String passwordHash, AdminRole role, Instant now);

    /**
     * Gives the account {@code role}, in one transaction with the check that some administrator
     * remains: demoting the last one is a {@link ConflictException} on field "role".
     * {@link NotFoundException} if absent.
     */
    AdminUser changeRole(long id, AdminRole role, Instant now);

    /** Replaces the password hash; {@link NotFoundException} if absent. */
    AdminUser changePassword(long id, String passwordHash, Instant now);

    Optional<AdminUser> findByUsername(String username);

    /** Every account, ordered by username. */
    List<AdminUser> list();

    /**
     * Deletes the account and, by cascade, its tokens and second factors; {@link NotFoundException}
     * if absent, {@link ConflictException} on field "username" when it is the last administrator
     * (checked in the same transaction, so two admins deleting each other cannot leave none).
     */
    void delete(long id);

    long count();
}
