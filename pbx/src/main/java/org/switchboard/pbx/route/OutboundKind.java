package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RuleMatch;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.OutboundRoute;

/**
 * Destination kind {@code outbound}: the target names an outbound route, which must exist when the
 * rule is saved; a matching number goes to the {@link OutboundApplication} with the pattern's first
 * group as the number the route's {@code dial} builds on. Explains, for {@code GET
 * /api/dialplan/test}, the number sent and the trunks in the order a call would try them now.
 * Immutable; thread-safe (memory only).
 */
public final class OutboundKind implements DestinationKind {
    public static final String NAME = "outbound";

    private final OutboundRouteService routes;
    private final TrunkOrder order;
    private final Clock clock;

    public OutboundKind(OutboundRouteService routes, TrunkOrder order, Clock clock) {
        this.routes = routes;
        this.order = order;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "call out through the trunks of the outbound route named by the target";
    }

    @Override
    public void checkTarget(String target) {
        if (routes.find(target).isEmpty()) {
            throw new ValidationException("target", "no outbound route named '" + target + "'");
        }
    }

    @Override
    public Route decide(RuleMatch match) {
        return new Route.ToApplication(NAME, match.target(), match.dialled(), match.argument());
    }

    @Override
    public List<String> explain(Route.ToApplication destination) {
        return routes.find(destination.target()).map(route -> explain(route, destination))
                .orElse(List.of("no outbound route named '" + destination.target() + "': the call is refused (404)"));
    }

    private List<String> explain(OutboundRoute route, Route.ToApplication destination) {
        String number = OutboundApplication.number(route.values().dial(), destination.argument().orElse(destination.dialled()));
        List<TrunkChoice> choices = order.order(route.values(), number, ZonedDateTime.now(clock));
        String how = route.values().lcr() ? "cheapest first" : "in the route's order";
        List<String> lines = new ArrayList<>();
        lines.add("number sent: " + number + "; trunks " + how);
        choices.forEach(c -> lines.add(c.describe()));
        return List.copyOf(lines);
    }
}
