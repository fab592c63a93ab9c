package org.switchboard.store.followme;

import org.switchboard.store.db.Fields;

/**
 * One number of a follow-me list and how long it rings. The shape is checked here; that the number
 * can be rung is the pbx service's rule. Immutable.
 */
public record FollowMeDestination(String number, int ringSeconds) {
    public FollowMeDestination {
        Fields.check(number != null && number.matches("[0-9]{1,32}"), "number", "must be a number of 1 to 32 digits");
        Fields.check(ringSeconds >= FollowMe.MIN_SECONDS && ringSeconds <= FollowMe.MAX_SECONDS, "ring_seconds",
                "must be " + FollowMe.MIN_SECONDS + " to " + FollowMe.MAX_SECONDS);
    }
}
