package org.switchboard.api.route;

import java.util.List;
import org.switchboard.store.route.OutboundRoute;

/** Response body of an outbound route. */
public record OutboundRouteView(String name, String dial, List<String> trunks, boolean lcr, String callerId) {

    static OutboundRouteView of(OutboundRoute route) {
        return new OutboundRouteView(route.name(), route.values().dial(), route.values().trunks(), route.values().lcr(),
                route.values().callerId().orElse(null));
    }
}
