package org.switchboard.pbx.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A group of extensions rung for one caller (a ring group), as a {@link RingingKind} hands it to the
 * router: {@code members} in the order to try them (already rotated for a memory hunt), rung all
 * together or one after the other, each ring lasting {@code ringTime}; {@code finalAction} takes the
 * call when nobody answered (none: the caller gets the failure). Inside a {@link CallPlan.Ring},
 * {@code members} are those still to try after the ring. Immutable.
 *
 * @param kind the destination kind that named the group (told who answered, for its memory)
 * @param group the group's name
 */
public record Hunt(String kind, String group, boolean together, List<String> members, Duration ringTime,
                   Optional<Destination> finalAction) {
    public Hunt {
        members = List.copyOf(members);
        if (ringTime.isNegative() || ringTime.isZero()) {
            throw new IllegalArgumentException("ring time must be positive: " + ringTime);
        }
    }

    /** The same group with only {@code rest} still to try. */
    Hunt remaining(List<String> rest) {
        return new Hunt(kind, group, together, rest, ringTime, finalAction);
    }
}
