package org.switchboard.store.ringgroup;

import java.util.Arrays;
import java.util.Optional;

/** How a ring group's members ring (docs/ring-groups.md); {@link #key()} is the stored and JSON name. */
public enum RingStrategy {
    /** Every member's phones at once; the first answer wins. */
    RING_ALL("ring_all"),
    /** One member after the other, in the group's order, each for the ring time. */
    HUNT("hunt"),
    /** As {@link #HUNT}, starting after the member who answered the group's last call. */
    MEMORY_HUNT("memory_hunt");

    private final String key;

    RingStrategy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The strategy stored or sent as {@code key}. */
    public static Optional<RingStrategy> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
