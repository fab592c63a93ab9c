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

    /** Inserts an account; {@link ConflictException} on field "username" if taken. */
    AdminUser create(String username, String passwordHash, Instant now);

    /** Replaces the password hash; {@link NotFoundException} if absent. */
    AdminUser changePassword(long id, String passwordHash, Instant now);

    Optional<AdminUser> findByUsername(String username);

    /** Every account, ordered by username. */
    List<AdminUser> list();

    /** Deletes the account and, by cascade, its tokens; {@link NotFoundException} if absent. */
    void delete(long id);

    long count();
}
