package org.switchboard.store.ringgroup;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored ring group with its members in ring order (V170). Immutable. */
public record RingGroup(long id, String name, RingStrategy strategy, List<String> members, int ringSeconds,
                        Optional<FinalAction> finalAction, Instant createdAt, Instant updatedAt) {
    public RingGroup {
        members = List.copyOf(members);
    }

    /** The group as a create or update would give it. */
    public NewRingGroup toNew() {
        return new NewRingGroup(name, strategy, members, ringSeconds, finalAction);
    }
}
