package org.switchboard.store.secret;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Named secrets shared by every node on the database and kept across restarts (for example the
 * key that signs SIP digest nonces). Thread-safe; blocks on the database, so never call it from an
 * event loop.
 */
public interface SecretStore {
    /**
     * The secret called {@code name}; when there is none yet, {@code generator}'s value is stored and
     * returned. Two nodes asking at once get the same secret: the first insert wins.
     */
    byte[] getOrCreate(String name, Supplier<byte[]> generator, Instant now);
}
