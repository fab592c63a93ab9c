package org.switchboard.store.admin;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;

/**
 * Admin bearer tokens by their SHA-256 hash, written through. Thread-safe; call from request,
 * worker or virtual threads, never an event loop.
 */
public interface AdminTokenStore {

    /** Stores a token for {@code adminUserId}; {@link ConflictException} if the hash exists or the user does not. */
    AdminToken create(long adminUserId, String tokenHash, Instant expiresAt, Instant now);

    /** The token with this hash if it expires after {@code now}. */
    Optional<AdminToken> findValid(String tokenHash, Instant now);

    /** Deletes the token (logout); returns whether one was deleted. */
    boolean delete(String tokenHash);

    /** Deletes every token of {@code adminUserId} (its sessions are revoked); returns how many. */
    int deleteForUser(long adminUserId);

    /** Deletes every token that expired at or before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
