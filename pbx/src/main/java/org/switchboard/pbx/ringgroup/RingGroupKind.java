package org.switchboard.pbx.ringgroup;

import java.util.Optional;
import org.switchboard.pbx.routing.Hunt;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RuleMatch;
import org.switchboard.pbx.routing.RingingKind;

/**
 * Destination kind {@code ring_group}: the target names a ring group, whose members' phones ring for
 * the caller (the router plans it, {@link RingingKind}); the PBX answers nothing itself. Immutable;
 * reads the service's cache.
 */
public final class RingGroupKind implements RingingKind {
    public static final String NAME = "ring_group";

    private final RingGroupService groups;

    public RingGroupKind(RingGroupService groups) {
        this.groups = groups;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "rings the members of the ring group the target names (together or in turn), then its final action";
    }

    @Override
    public void checkTarget(String target) {
        // A target built from the dialled number ($1) is only known at call time: an unknown group is then a 404.
        if (!target.contains("$")) {
            groups.checkName(target, "target");
        }
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.ToApplication(NAME, match.target(), match.dialled(), match.argument());
    }

    @Override
    public Optional<Hunt> hunt(String target) {
        return groups.hunt(target);
    }

    @Override
    public void answered(String group, String member) {
        groups.answered(group, member);
    }
}
