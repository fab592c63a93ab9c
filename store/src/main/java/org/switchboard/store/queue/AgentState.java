package org.switchboard.store.queue;

import java.time.Instant;

/**
 * An agent's own state for every queue it is a member of (V210): logged in or out, paused or not.
 * An extension without a stored state is {@link #loggedIn} and not paused. Immutable.
 */
public record AgentState(String extension, boolean loggedIn, boolean paused, Instant updatedAt) {

    /** Whether queues offer this agent calls. */
    public boolean available() {
        return loggedIn && !paused;
    }
}
