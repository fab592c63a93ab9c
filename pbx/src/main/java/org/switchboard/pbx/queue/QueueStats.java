package org.switchboard.pbx.queue;

import java.util.List;
import java.util.Map;

/**
 * A queue's live statistics on this node since it started (docs/queues.md, "Statistics"). {@code
 * serviceLevelPercent}: of the callers who were answered or abandoned, the share answered within the
 * queue's service level (100 when there were none). {@code waiting} counts the callers on the line;
 * {@code callbacks} the callers who chose a callback since the node started, {@code callbacksWaiting}
 * the requests still in line. {@code agentsByState} counts {@code agents} by
 * state. Immutable.
 */
public record QueueStats(String queue, int waiting, long longestWaitSeconds, long answered, long abandoned, long timedOut,
                         long full, long voicemail, long callbacks, int callbacksWaiting, double serviceLevelPercent,
                         long averageWaitSeconds, Map<String, Integer> agentsByState, List<Agent> agents) {

    public QueueStats {
        agentsByState = Map.copyOf(agentsByState);
        agents = List.copyOf(agents);
    }

    /** One member: its number, its state now, and how many of this queue's calls it answered. */
    public record Agent(String extension, String state, long answered) {}
}
