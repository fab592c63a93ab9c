package org.switchboard.pbx.followme;

import java.util.Optional;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.pbx.routing.FollowingKind;
import org.switchboard.pbx.routing.Hunt;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RuleMatch;

/**
 * Destination kind {@code follow_me}: how the router learns an extension's follow-me list
 * ({@link FollowingKind}). Follow-me applies whenever the extension is reached, so a rule of this
 * kind decides just what kind {@code extension} decides for its target. Immutable; reads the
 * service's cache.
 */
public final class FollowMeKind implements FollowingKind {
    public static final String NAME = "follow_me";

    private final FollowMeService followMe;
    private final DestinationKinds kinds;

    public FollowMeKind(FollowMeService followMe, DestinationKinds kinds) {
        this.followMe = followMe;
        this.kinds = kinds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "rings the extension the target names as kind extension does (its follow-me list when that is on)";
    }

    @Override
    public void checkTarget(String target) {
        extension().checkTarget(target);
    }

    @Override
    public Route decide(RuleMatch match) {
        return extension().decide(match);
    }

    @Override
    public Optional<Hunt> forExtension(String number) {
        return followMe.hunt(number);
    }

    private DestinationKind extension() {
        return kinds.find("extension").orElseThrow();
    }
}
