package org.switchboard.api.followme;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.followme.FollowMe;
import org.switchboard.store.followme.FollowMeDestination;
import org.switchboard.store.followme.FollowMeStrategy;

/**
 * Request body of {@code PUT /api/extensions/{number}/follow-me}, which replaces the settings;
 * omitted fields take {@link FollowMe#NONE}'s values (off, desk phone first for 20 s, in order),
 * a destination's omitted ring time 20 s.
 */
public record FollowMeBody(Boolean enabled, Boolean deskFirst, Integer deskSeconds, String strategy,
                           List<Destination> destinations) {
    static final int DEFAULT_RING_SECONDS = 20;

    /** One number of the list, as sent. */
    public record Destination(String number, Integer ringSeconds) {}

    FollowMe toFollowMe() {
        FollowMeStrategy parsed = strategy == null ? FollowMe.NONE.strategy() : FollowMeStrategy.parse(strategy)
                .orElseThrow(() -> new ValidationException("strategy", "must be in_order or together"));
        return new FollowMe(enabled != null && enabled, deskFirst == null ? FollowMe.NONE.deskFirst() : deskFirst,
                deskSeconds == null ? FollowMe.NONE.deskSeconds() : deskSeconds, parsed, list());
    }

    /** The destinations, a bad one refused naming {@code destinations[i].field}. */
    private List<FollowMeDestination> list() {
        List<FollowMeDestination> list = new ArrayList<>();
        for (int i = 0; destinations != null && i < destinations.size(); i++) {
            Destination d = destinations.get(i);
            if (d == null) {
                throw new ValidationException("destinations[" + i + "]", "must be an object with a number");
            }
            try {
                list.add(new FollowMeDestination(d.number(), d.ringSeconds() == null ? DEFAULT_RING_SECONDS : d.ringSeconds()));
            } catch (ValidationException e) {
                throw new ValidationException("destinations[" + i + "]." + e.field(), e.getMessage());
            }
        }
        return list;
    }
}
