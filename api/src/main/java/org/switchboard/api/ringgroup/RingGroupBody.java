package org.switchboard.api.ringgroup;

import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ringgroup.FinalAction;
import org.switchboard.store.ringgroup.NewRingGroup;
import org.switchboard.store.ringgroup.RingStrategy;

/**
 * Request body of {@code POST /api/ring-groups} and {@code PUT /api/ring-groups/{name}}; omitted
 * fields take the defaults (ring all, 20 s, no final action: the caller gets the failure).
 */
public record RingGroupBody(String name, String strategy, List<String> members, Integer ringSeconds, Action finalAction) {
    static final int DEFAULT_RING_SECONDS = 20;

    /** Where an unanswered call goes, as sent. */
    public record Action(String action, String target) {}

    /** The group to store, named {@code name} (the URL's name on an update, when the body names none). */
    NewRingGroup toGroup(String name) {
        RingStrategy parsed = strategy == null ? RingStrategy.RING_ALL : RingStrategy.parse(strategy)
                .orElseThrow(() -> new ValidationException("strategy", "must be ring_all, hunt or memory_hunt"));
        return new NewRingGroup(name, parsed, members, ringSeconds == null ? DEFAULT_RING_SECONDS : ringSeconds,
                Optional.ofNullable(finalAction).map(a -> new FinalAction(a.action(), a.target())));
    }
}
