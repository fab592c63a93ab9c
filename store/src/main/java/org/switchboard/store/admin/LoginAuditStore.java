package org.switchboard.store.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit of admin login attempts, written through (an attempt is recorded before its answer
 * leaves). Thread-safe; call from request, worker or virtual threads, never an event loop.
 */
public interface LoginAuditStore {

    /** Records an attempt; a username longer than the column allows is cut, so a flood of junk cannot fail the insert. */
    LoginAttempt record(String username, String address, LoginResult result, Instant at);

    /** The newest attempts first, at most {@code limit}, optionally for one username only. */
    List<LoginAttempt> newest(Optional<String> username, int limit);

    /** Deletes attempts older than {@code before}; returns how many. */
    int purgeBefore(Instant before);
}
