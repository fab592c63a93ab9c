package org.switchboard.store.queue;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a queue picks the agent offered its next caller (docs/queues.md); {@link #key()} is the stored and JSON name. */
public enum QueueStrategy {
    /** Every free agent at once; the first to answer takes the caller. */
    RING_ALL("ring_all"),
    /** One free agent at a time, starting after the one offered the previous caller (wrapping round). */
    ROUND_ROBIN("round_robin"),
    /** The free agent whose last queue call ended longest ago (never: first). */
    LEAST_RECENT("least_recent"),
    /** The free agent who answered the fewest of the queue's calls. */
    FEWEST_CALLS("fewest_calls"),
    /** A free agent at random. */
    RANDOM("random"),
    /** The free agents in the queue's member order, always from the first. */
    LINEAR("linear"),
    /** The free agent who meets the queue's skill requirements with the highest levels in them. */
    SKILLS("skills");

    private final String key;

    QueueStrategy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The strategy stored or sent as {@code key}. */
    public static Optional<QueueStrategy> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }

    /** Every key, for messages: {@code ring_all, round_robin, ...}. */
    public static String keys() {
        return Arrays.stream(values()).map(QueueStrategy::key).collect(Collectors.joining(", "));
    }
}
