package org.switchboard.store.paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored paging zone with its members in the order they were given (V250). Immutable. */
public record PagingZone(long id, String name, Optional<String> number, List<String> members, boolean beep,
                         int maxSeconds, Instant createdAt, Instant updatedAt) {
    public PagingZone {
        members = List.copyOf(members);
    }

    /** The zone as a create or update would give it. */
    public NewPagingZone toNew() {
        return new NewPagingZone(name, number, members, beep, maxSeconds);
    }
}
