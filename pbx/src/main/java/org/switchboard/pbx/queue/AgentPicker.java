package org.switchboard.pbx.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.switchboard.store.queue.QueueStrategy;

/**
 * Which of a queue's free agents its next caller is offered to, by the queue's strategy: every one
 * for ring all, else one. Pure: what it needs to know (who is free, who was offered last, when each
 * agent's last queue call ended, how many each answered, the skills) is given; stateless and thread-safe.
 */
final class AgentPicker {
    private AgentPicker() {}

    /**
     * @param members the queue's members in its order
     * @param free the members that may be offered a caller now
     * @param lastOffered the member the queue offered its previous caller to (round robin goes on after it)
     * @param lastEnded when each agent's last queue call ended (never: absent)
     * @param answered how many of the queue's calls each agent answered
     * @param requirements the skill levels the queue requires (the {@code skills} strategy only)
     * @param skills each agent's skill levels
     * @return the agents to ring, in member order for ring all; empty when none is free
     */
    static List<String> pick(QueueStrategy strategy, List<String> members, Set<String> free, Optional<String> lastOffered,
            Map<String, Instant> lastEnded, Map<String, Integer> answered, Map<String, Integer> requirements,
            Function<String, Map<String, Integer>> skills, RandomGenerator random) {
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
            case SKILLS -> candidates.stream().filter(a -> meets(skills.apply(a), requirements))
                    .max(Comparator.comparingInt((String a) -> score(skills.apply(a), requirements))
                            .thenComparing(Comparator.comparingInt(candidates::indexOf).reversed()))
                    .map(List::of).orElse(List.of());
        };
    }

    /** Whether an agent with {@code skills} has every required skill at the required level or above. */
    private static boolean meets(Map<String, Integer> skills, Map<String, Integer> requirements) {
        return requirements.entrySet().stream().allMatch(r -> skills.getOrDefault(r.getKey(), 0) >= r.getValue());
    }

    /** How skilled an agent is for the queue: the sum of its levels in the required skills. */
    private static int score(Map<String, Integer> skills, Map<String, Integer> requirements) {
        return requirements.keySet().stream().mapToInt(skill -> skills.getOrDefault(skill, 0)).sum();
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
