package org.switchboard.store.followme;

import java.util.Arrays;
import java.util.Optional;

/** How a follow-me list rings (docs/follow-me.md); {@link #key()} is the stored and JSON name. */
public enum FollowMeStrategy {
    /** One destination after the other, each for its own ring time. */
    IN_ORDER("in_order"),
    /** Every destination at once, for the longest of their ring times. */
    TOGETHER("together");

    private final String key;

    FollowMeStrategy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The strategy stored or sent as {@code key}. */
    public static Optional<FollowMeStrategy> parse(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
