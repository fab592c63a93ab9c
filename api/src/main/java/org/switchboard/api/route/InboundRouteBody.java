package org.switchboard.api.route;

import org.switchboard.store.route.NewInboundRoute;

/** Request body of {@code POST /api/inbound-routes} and {@code PUT /api/inbound-routes/{did}}. */
public record InboundRouteBody(String did, String action, String target) {

    /** The route to store for {@code urlDid} (the URL's DID on an update, when the body names none). */
    NewInboundRoute toRoute(String urlDid) {
        return new NewInboundRoute(did == null ? urlDid : did, action, target);
    }
}
