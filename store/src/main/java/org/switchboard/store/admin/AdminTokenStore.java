package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;

/**
 * Admin bearer tokens by their SHA-256 hash, written through. Thread-safe; call from request,
 * worker or virtual threads, never an event loop.
 */
public interface AdminTokenStore {

    /** Stores a token for {@code adminUserId}; {@link ConflictException} if the hash exists or the user does not. */
    AdminToken create(long adminUserId, String tokenHash, Instant expiresAt, Instant now);

    /**
     * Stores an API token for {@code adminUserId} with a name and a scope; {@link ConflictException}
     * if the hash exists or the user does not.
     */
    AdminToken createApiToken(long adminUserId, String tokenHash, String name, AdminRole scope, Instant expiresAt, Instant now);

    /** The account's API tokens that expire after {@code now}, newest first (login sessions are not listed). */
    List<AdminToken> listApiTokens(long adminUserId, Instant now);

    /** Deletes the account's API token {@code id}; false when it has none with that id. */
    boolean deleteApiToken(long adminUserId, long id);

    /** The token with this hash if it expires after {@code now}. */
    Optional<AdminToken> findValid(String tokenHash, Instant now);

    /** Deletes the token (logout); returns whether one was deleted. */
    boolean delete(String tokenHash);

    /** Deletes every token of {@code adminUserId} (its sessions are revoked); returns how many. */
    int deleteForUser(long adminUserId);

    /** Deletes every token that expired at or before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
