package org.switchboard.pbx.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.switchboard.store.queue.QueueStrategy;

/**
 * Which of a queue's free agents its next caller is offered to, by the queue's strategy: every one
 * for ring all, else one. Pure: what it needs to know (who is free, who was offered last, when each
 * agent's last queue call ended, how many each answered) is given; stateless and thread-safe.
 */
final class AgentPicker {
    private AgentPicker() {}

    /**
     * @param members the queue's members in its order
     * @param free the members that may be offered a caller now
     * @param lastOffered the member the queue offered its previous caller to (round robin goes on after it)
     * @param lastEnded when each agent's last queue call ended (never: absent)
     * @param answered how many of the queue's calls each agent answered
     * @return the agents to ring, in member order for ring all; empty when none is free
     */
    static List<String> pick(QueueStrategy strategy, List<String> members, Set<String> free, Optional<String> lastOffered,
            Map<String, Instant> lastEnded, Map<String, Integer> answered, RandomGenerator random) {
        List<String> candidates = members.stream().filter(free::contains).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        return switch (strategy) {
            case RING_ALL -> candidates;
            case LINEAR -> List.of(candidates.getFirst());
            case ROUND_ROBIN -> List.of(afterLast(members, candidates, lastOffered));
            // stable sorts: ties go to the member first in the queue's order
            case LEAST_RECENT -> List.of(candidates.stream()
                    .min(Comparator.comparing(a -> lastEnded.getOrDefault(a, Instant.MIN))).orElseThrow());
            case FEWEST_CALLS -> List.of(candidates.stream()
                    .min(Comparator.comparingInt(a -> answered.getOrDefault(a, 0))).orElseThrow());
            case RANDOM -> List.of(candidates.get(random.nextInt(candidates.size())));
        };
    }

    /** The first free member after {@code lastOffered} in the queue's order, wrapping round. */
    private static String afterLast(List<String> members, List<String> candidates, Optional<String> lastOffered) {
        int start = lastOffered.map(members::indexOf).orElse(-1) + 1;
        for (int i = 0; i < members.size(); i++) {
            String member = members.get((start + i) % members.size());
            if (candidates.contains(member)) {
                return member;
            }
        }
        return candidates.getFirst();
    }
}
