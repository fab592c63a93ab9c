package org.switchboard.pbx.admin;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The long-lived answers (event streams) open on this node per admin token, so that a logout or a
 * password reset ends them at once rather than at their next check of the token. Only this node's
 * watchers are told; a token revoked by another node is noticed at the watcher's next check.
 * Thread-safe: any request thread may watch, end or stop watching.
 */
final class SessionWatchers {
    /** One open answer: whose session it is and what ends it. Identity, not value: two streams of one token are two watchers. */
    private static final class Watcher {
        final String tokenHash;
        final String username;
        final Runnable onEnd;

        Watcher(String tokenHash, String username, Runnable onEnd) {
            this.tokenHash = tokenHash;
            this.username = username;
            this.onEnd = onEnd;
        }
    }

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

    /** Registers {@code onEnd} for the session; closing the result unregisters it. */
    SessionWatch watch(String tokenHash, String username, Runnable onEnd) {
        Watcher watcher = new Watcher(tokenHash, username.toLowerCase(Locale.ROOT), onEnd);
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Ends every answer open with this token. */
    void endToken(String tokenHash) {
        end(watchers.stream().filter(w -> w.tokenHash.equals(tokenHash)).toList());
    }

    /** Ends every answer open for this admin, whatever its token. */
    void endUser(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        end(watchers.stream().filter(w -> w.username.equals(name)).toList());
    }

    private void end(List<Watcher> ended) {
        for (Watcher w : ended) {
            // Only the caller that removes the watcher runs it, so a racing logout ends a stream once.
            if (watchers.remove(w)) {
                w.onEnd.run();
            }
        }
    }
}
