package org.switchboard.api.route;

import org.switchboard.store.route.InboundRoute;

/** Response body of an inbound route. */
public record InboundRouteView(String did, String action, String target) {

    static InboundRouteView of(InboundRoute route) {
        return new InboundRouteView(route.did(), route.values().action(), route.values().target());
    }
}
