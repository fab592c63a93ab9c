package org.switchboard.pbx.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.admin.LoginAttempt;
import org.switchboard.store.admin.LoginAuditStore;
import org.switchboard.store.db.Fields;

/**
 * The audit of admin logins as administrators read it, and its retention. The attempts are
 * written by {@link AdminAuthService#login}. Thread-safe; call from request or virtual threads.
 */
public final class LoginHistory {
    /** The most attempts one answer lists. */
    public static final int MAX_LIMIT = 1000;

    private final LoginAuditStore store;
    private final Clock clock;

    public LoginHistory(LoginAuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The newest attempts first, at most {@code limit} (1-{@link #MAX_LIMIT}, else 400 on {@code limit}), optionally of one username. */
    public List<LoginAttempt> newest(Optional<String> username, int limit) {
        Fields.check(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be between 1 and " + MAX_LIMIT);
        return store.newest(username, limit);
    }

    /** Deletes attempts older than {@code retention}; for the housekeeping scheduler (on a virtual thread). */
    public int purgeOlderThan(Duration retention) {
        return store.purgeBefore(clock.instant().minus(retention));
    }
}
