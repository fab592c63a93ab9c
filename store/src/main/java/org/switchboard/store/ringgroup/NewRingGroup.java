package org.switchboard.store.ringgroup;

import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A ring group to store, checked for the V170 shapes ({@link ValidationException} naming the
 * field, {@code members[i]} for a member). That the members are extensions and the final action
 * a destination is the pbx service's rule. Immutable.
 *
 * @param members extension numbers in ring order (the hunt's order; ring all rings them together)
 * @param ringSeconds how long each member rings in a hunt, or the whole group rings for ring all
 * @param finalAction where an unanswered call goes; empty: the caller gets the failure (480, 486)
 */
public record NewRingGroup(String name, RingStrategy strategy, List<String> members, int ringSeconds,
                           Optional<FinalAction> finalAction) {
    public static final int MIN_RING_SECONDS = 5;
    public static final int MAX_RING_SECONDS = 300;
    public static final int MAX_MEMBERS = 100;

    public NewRingGroup {
        Fields.recordName(name);
        Fields.check(strategy != null, "strategy", "must be ring_all, hunt or memory_hunt");
        Fields.check(members != null && !members.isEmpty(), "members", "must name at least one extension");
        members = Fields.distinctExtensions(members, MAX_MEMBERS);
        Fields.check(ringSeconds >= MIN_RING_SECONDS && ringSeconds <= MAX_RING_SECONDS, "ring_seconds",
                "must be " + MIN_RING_SECONDS + " to " + MAX_RING_SECONDS);
        Fields.check(finalAction != null, "final_action", "is required (may be empty)");
    }
}
