package org.switchboard.pbx.routing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A group of extensions rung for one caller (a ring group, an extension's follow-me list), as a
 * kind hands it to the router: {@code members} in the order to try them (already rotated for a
 * memory hunt), rung all together or one after the other, each ring lasting {@code ringTime};
 * {@code finalAction} takes the call when nobody answered (none: the caller gets the failure).
 * {@code stages} say what rings at once and for how long, in turn: for a group, one stage of every
 * member ({@code together}) or one stage per member; a follow-me list builds its own (each number
 * with its own ring time). Inside a {@link CallPlan.Ring}, {@code stages} (and {@code members})
 * are those still to try after the ring. Immutable.
 *
 * @param kind the destination kind that named the group (told who answered, for its memory)
 * @param group the group's name (for follow-me: the extension's number)
 */
public record Hunt(String kind, String group, boolean together, List<String> members, Duration ringTime,
                   Optional<Destination> finalAction, List<Stage> stages) {
    public Hunt {
        members = List.copyOf(members);
        stages = List.copyOf(stages);
        if (ringTime.isNegative() || ringTime.isZero()) {
            throw new IllegalArgumentException("ring time must be positive: " + ringTime);
        }
    }

    /** A group whose {@code members} ring together (one stage) or one after the other, each for {@code ringTime}. */
    public Hunt(String kind, String group, boolean together, List<String> members, Duration ringTime,
            Optional<Destination> finalAction) {
        this(kind, group, together, members, ringTime, finalAction, together ? List.of(new Stage(members, ringTime))
                : members.stream().map(member -> new Stage(List.of(member), ringTime)).toList());
    }

    /** The same group with only {@code rest} still to try. */
    Hunt remaining(List<Stage> rest) {
        return new Hunt(kind, group, together, rest.stream().flatMap(s -> s.members().stream()).distinct().toList(),
                ringTime, finalAction, rest);
    }

    /** The same group ending in {@code action} when nobody answers. */
    public Hunt endingIn(Optional<Destination> action) {
        return new Hunt(kind, group, together, members, ringTime, action, stages);
    }

    /** Extensions rung together for {@code ringTime} (those who cannot be rung are skipped). Immutable. */
    public record Stage(List<String> members, Duration ringTime) {
        public Stage {
            members = List.copyOf(members);
            if (members.isEmpty() || ringTime.isNegative() || ringTime.isZero()) {
                throw new IllegalArgumentException("a stage rings someone for a positive time: " + members + ", " + ringTime);
            }
        }
    }
}
