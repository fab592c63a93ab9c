package org.switchboard.api.dialplan;

import java.util.List;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RoutingDecision;
import org.switchboard.pbx.routing.RuleTrial;

/**
 * Response body of {@code GET /api/dialplan/test}: the decision for a dialled string and the trail
 * of rules tried. {@code route.type} is {@code extension}, {@code feature} or {@code rejected};
 * the other route fields are present as the type needs them.
 */
public record DecisionView(String from, String to, RouteView route, List<RuleTrial> trail) {

    /** The decided route, flattened for JSON. */
    public record RouteView(String type, String number, String feature, String argument, String reason, Integer sipStatus) {}

    static DecisionView of(RoutingDecision d) {
        RouteView route = switch (d.route()) {
            case Route.ToExtension to -> new RouteView("extension", to.number(), null, null, null, null);
            case Route.FeatureCode f -> new RouteView("feature", null, f.feature().key(), f.argument().orElse(null), null, null);
            case Route.Rejected r -> new RouteView("rejected", null, null, null, r.reason(), r.sipStatus());
        };
        return new DecisionView(d.caller(), d.dialled(), route, d.trail());
    }
}
