package org.switchboard.api.route;

import java.util.List;
import java.util.Optional;
import org.switchboard.store.route.NewOutboundRoute;

/**
 * Request body of {@code POST /api/outbound-routes} and {@code PUT /api/outbound-routes/{name}};
 * {@code lcr} defaults to false, {@code caller_id} to none (the caller's extension number is sent).
 */
public record OutboundRouteBody(String name, String dial, List<String> trunks, Boolean lcr, String callerId) {

    /** The route to store, named {@code name} (the URL's name on an update, when the body names none). */
    NewOutboundRoute toRoute(String urlName) {
        return new NewOutboundRoute(name == null ? urlName : name, dial, trunks, Boolean.TRUE.equals(lcr),
                Optional.ofNullable(callerId));
    }
}
