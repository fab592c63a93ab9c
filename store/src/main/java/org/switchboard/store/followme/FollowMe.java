package org.switchboard.store.followme;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * An extension's follow-me settings (V171), checked for their shapes ({@link ValidationException}
 * naming the JSON field, {@code destinations[i].number} for one destination). Immutable.
 *
 * @param deskFirst the desk phone rings alone for {@code deskSeconds} before the list; otherwise it
 *     rings together with the list
 * @param destinations the numbers to ring after (or with) the desk phone, in order
 */
public record FollowMe(boolean enabled, boolean deskFirst, int deskSeconds, FollowMeStrategy strategy,
                       List<FollowMeDestination> destinations) {
    public static final int MIN_SECONDS = 5;
    public static final int MAX_SECONDS = 300;
    public static final int MAX_DESTINATIONS = 10;

    /** What an extension that never set follow-me has: off, desk phone first for 20 s, nothing listed. */
    public static final FollowMe NONE = new FollowMe(false, true, 20, FollowMeStrategy.IN_ORDER, List.of());

    public FollowMe {
        Fields.check(deskSeconds >= MIN_SECONDS && deskSeconds <= MAX_SECONDS, "desk_seconds",
                "must be " + MIN_SECONDS + " to " + MAX_SECONDS);
        Fields.check(strategy != null, "strategy", "must be in_order or together");
        Fields.check(destinations != null, "destinations", "is required (may be empty)");
        Fields.check(destinations.size() <= MAX_DESTINATIONS, "destinations", "must list at most " + MAX_DESTINATIONS + " numbers");
        Fields.check(!enabled || !destinations.isEmpty(), "destinations", "must list at least one number when enabled");
        destinations = List.copyOf(destinations);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < destinations.size(); i++) {
            Fields.check(seen.add(destinations.get(i).number()), "destinations[" + i + "].number", "is already listed");
        }
    }
}
