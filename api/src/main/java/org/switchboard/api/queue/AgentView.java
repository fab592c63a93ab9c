package org.switchboard.api.queue;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.queue.AgentState;

/** An agent as the API shows it: its stored state and the queues it is a member of. */
public record AgentView(String extension, boolean loggedIn, boolean paused, List<String> queues, Instant updatedAt) {

    static AgentView of(AgentState state, List<String> queues) {
        return new AgentView(state.extension(), state.loggedIn(), state.paused(), queues,
                state.updatedAt().equals(Instant.EPOCH) ? null : state.updatedAt());
    }
}
