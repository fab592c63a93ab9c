package org.switchboard.store.provisioning;

import java.time.Instant;
import java.util.Optional;
import org.switchboard.store.db.UnavailableException;

/**
 * The secret URL tokens phones must put in the provisioning path, one per scope, written through.
 * Thread-safe; blocks on the database, so never call it from an event loop. Every method may throw
 * {@link UnavailableException} when the database cannot be reached.
 */
public interface ProvisioningTokenStore {

    /**
     * The token of {@code scope}; when there is none yet, {@code candidate} is stored and returned.
     * Two nodes asking at once get the same token: the first insert wins.
     */
    String getOrCreate(String scope, String candidate, Instant now);

    /** Replaces (or creates) the token of {@code scope}. */
    void replace(String scope, String token, Instant now);

    Optional<String> find(String scope);
}
