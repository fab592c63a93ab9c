package org.switchboard.api.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.store.queue.AgentState;

/** An agent as the API shows it: its stored state, the queues it is a member of and its skills. */
public record AgentView(String extension, boolean loggedIn, boolean paused, List<String> queues, Map<String, Integer> skills,
                        Instant updatedAt) {

    static AgentView of(AgentState state, List<String> queues, Map<String, Integer> skills) {
        return new AgentView(state.extension(), state.loggedIn(), state.paused(), queues, new TreeMap<>(skills),
                state.updatedAt().equals(Instant.EPOCH) ? null : state.updatedAt());
    }
}
