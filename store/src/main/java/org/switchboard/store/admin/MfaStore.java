package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Admins' TOTP secrets and recovery codes, written through. The store keeps only sealed secrets
 * and hashed codes; sealing and hashing are the caller's. Thread-safe; call from request, worker
 * or virtual threads, never an event loop.
 */
public interface MfaStore {

    /** Starts (or restarts) enrolment: stores an unconfirmed secret, replacing any earlier one, and drops recovery codes. */
    void saveUnconfirmed(long adminUserId, String sealedSecret, Instant now);

    Optional<MfaSecret> find(long adminUserId);

    /**
     * Turns the secret on: marks it confirmed, records {@code step} as used and stores the recovery
     * code hashes, in one transaction. False when there is no unconfirmed secret (nothing changes).
     */
    boolean confirm(long adminUserId, long step, List<String> recoveryCodeHashes, Instant now);

    /**
     * Records {@code step} as used if it is newer than the last one used; false when it is not, so
     * a code seen once (or an older one) is refused even by two requests racing on two nodes.
     */
    boolean useStep(long adminUserId, long step, Instant now);

    /** Marks the unused recovery code with this hash as used; false when there is none (wrong, or used before). */
    boolean useRecoveryCode(long adminUserId, String codeHash, Instant now);

    /** How many recovery codes are left unused. */
    int unusedRecoveryCodes(long adminUserId);

    /** Removes the secret and the recovery codes; false when there was no secret. */
    boolean remove(long adminUserId);
}
