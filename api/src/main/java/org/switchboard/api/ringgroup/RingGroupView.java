package org.switchboard.api.ringgroup;

import java.time.Instant;
import java.util.List;
import org.switchboard.store.ringgroup.RingGroup;

/** A ring group as the API shows it; {@code final_action} is left out when the caller gets the failure. */
public record RingGroupView(String name, String strategy, List<String> members, int ringSeconds,
                            RingGroupBody.Action finalAction, Instant createdAt, Instant updatedAt) {

    static RingGroupView of(RingGroup group) {
        return new RingGroupView(group.name(), group.strategy().key(), group.members(), group.ringSeconds(),
                group.finalAction().map(f -> new RingGroupBody.Action(f.action(), f.target())).orElse(null),
                group.createdAt(), group.updatedAt());
    }
}
