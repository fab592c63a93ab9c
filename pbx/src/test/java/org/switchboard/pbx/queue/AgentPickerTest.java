package org.switchboard.pbx.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.store.queue.QueueStrategy;

class AgentPickerTest {
    private static final List<String> MEMBERS = List.of("2001", "2002", "2003", "2004");
    private static final Set<String> FREE = Set.of("2001", "2003", "2004");

    private static final Map<String, Map<String, Integer>> SKILLS = Map.of("2001", Map.of("french", 2),
            "2002", Map.of("french", 9, "billing", 9), "2003", Map.of("french", 5, "billing", 1), "2004", Map.of("french", 4, "billing", 3));

    private static List<String> pick(QueueStrategy strategy, Optional<String> last, Map<String, Instant> ended,
            Map<String, Integer> answered) {
        return AgentPicker.pick(strategy, MEMBERS, FREE, last, ended, answered, Map.of(), a -> Map.of(), new Random(7));
    }

    private static List<String> skilled(Map<String, Integer> requirements) {
        return AgentPicker.pick(QueueStrategy.SKILLS, MEMBERS, FREE, Optional.empty(), Map.of(), Map.of(), requirements,
                a -> SKILLS.getOrDefault(a, Map.of()), new Random(7));
    }

    @Test
    void skillsPicksTheFreeAgentMeetingEveryRequirementWithTheHighestLevels() {
        assertThat(skilled(Map.of("french", 3))).as("2002 is best but busy; 2003 has 5").containsExactly("2003");
        assertThat(skilled(Map.of("french", 3, "billing", 1))).as("2003: 6, 2004: 7").containsExactly("2004");
        assertThat(skilled(Map.of("billing", 5))).as("nobody free meets it").isEmpty();
        assertThat(skilled(Map.of())).as("no requirement: the first free member").containsExactly("2001");
    }

    @Test
    void ringAllOffersEveryFreeAgentInTheQueuesOrder() {
        assertThat(pick(QueueStrategy.RING_ALL, Optional.empty(), Map.of(), Map.of())).containsExactly("2001", "2003", "2004");
    }

    @Test
    void linearAlwaysStartsFromTheFirstMember() {
        assertThat(pick(QueueStrategy.LINEAR, Optional.of("2001"), Map.of(), Map.of())).containsExactly("2001");
    }

    @Test
    void roundRobinGoesOnAfterTheAgentOfferedLastWrappingRound() {
        assertThat(pick(QueueStrategy.ROUND_ROBIN, Optional.empty(), Map.of(), Map.of())).containsExactly("2001");
        assertThat(pick(QueueStrategy.ROUND_ROBIN, Optional.of("2001"), Map.of(), Map.of())).as("2002 is not free")
                .containsExactly("2003");
        assertThat(pick(QueueStrategy.ROUND_ROBIN, Optional.of("2004"), Map.of(), Map.of())).containsExactly("2001");
    }

    @Test
    void leastRecentPrefersAnAgentWithoutCallsThenTheOneWhoseCallEndedFirst() {
        Instant t = Instant.parse("2026-12-07T10:00:00Z");
        assertThat(pick(QueueStrategy.LEAST_RECENT, Optional.empty(), Map.of("2001", t, "2003", t.minusSeconds(5)), Map.of()))
                .containsExactly("2004");
        assertThat(pick(QueueStrategy.LEAST_RECENT, Optional.empty(),
                Map.of("2001", t, "2003", t.minusSeconds(5), "2004", t.plusSeconds(1)), Map.of())).containsExactly("2003");
    }

    @Test
    void fewestCallsPrefersTheAgentWhoAnsweredLeast() {
        assertThat(pick(QueueStrategy.FEWEST_CALLS, Optional.empty(), Map.of(), Map.of("2001", 3, "2003", 1, "2004", 2)))
                .containsExactly("2003");
    }

    @Test
    void randomPicksOneFreeAgent() {
        assertThat(pick(QueueStrategy.RANDOM, Optional.empty(), Map.of(), Map.of())).hasSize(1).isSubsetOf(FREE);
    }

    @Test
    void nobodyFreeIsNobodyPicked() {
        assertThat(AgentPicker.pick(QueueStrategy.RING_ALL, MEMBERS, Set.of(), Optional.empty(), Map.of(), Map.of(), Map.of(),
                a -> Map.of(), new Random(1))).isEmpty();
    }
}
