package org.switchboard.pbx.call;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the REST API and the panel may see and do of the calls in progress on this node: list them
 * with their legs and media state, and hang one up. Implemented by call control; every action on a
 * call runs on that call's executor, so these methods only post work and return futures.
 *
 * <p>Thread-safe: any thread (an HTTP virtual thread) may call it.
 */
public interface ActiveCalls {
    /** The calls in progress now, oldest first, each with fresh media counters. */
    CompletableFuture<List<CallSnapshot>> list();

    /** One call in progress by its id, or empty when there is no such call (or it has ended). */
    CompletableFuture<Optional<CallSnapshot>> find(String id);

    /**
     * Ends call {@code id} as if both parties hung up (BYE to answered legs, CANCEL/487 to ringing
     * ones, recorded with hangup cause {@code "hung up by <actor>"}). Completes with false when no
     * such call is in progress.
     */
    CompletableFuture<Boolean> hangUp(String id, String actor);
}
