package org.switchboard.pbx.routing;

import java.util.List;

/**
 * The dial plan's answer for one call attempt: the {@link Route} and the trail that explains it
 * (every rule tried, in order, up to the one that decided). Immutable.
 */
public record RoutingDecision(String caller, String dialled, Route route, List<RuleTrial> trail) {
    public RoutingDecision {
        trail = List.copyOf(trail);
    }
}
