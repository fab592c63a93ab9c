package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.route.InboundRouteRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.route.InboundRouteService;
import org.switchboard.pbx.route.InboundTrunkCalls;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.Database;
import org.switchboard.store.route.JdbiInboundRouteStore;

/**
 * Inbound routes: the service and its cache, the routes, and, once SIP runs, call control told to
 * take INVITEs from the trunks' addresses as carriers' calls routed by DID, their Identity verified
 * when STIR/SHAKEN verification is configured. Needs the trunks' and STIR/SHAKEN modules. Built and driven by the start-up thread.
 */
final class InboundRouteModule implements FeatureModule {
    private final InboundRouteService routes;
    private final TrunkModule trunks;
    private final StirShakenModule stirShaken;

    private InboundRouteModule(InboundRouteService routes, TrunkModule trunks, StirShakenModule stirShaken) {
        this.routes = routes;
        this.trunks = trunks;
        this.stirShaken = stirShaken;
    }

    static InboundRouteModule build(TrunkModule trunks, StirShakenModule stirShaken, DestinationKinds kinds,
            Database database, EventBus events, Clock clock) {
        return new InboundRouteModule(new InboundRouteService(new JdbiInboundRouteStore(database), kinds, clock, events),
                trunks, stirShaken);
    }

    /** The inbound routes (an extension's DID is the one routed to it). */
    InboundRouteService routes() {
        return routes;
    }

    @Override
    public String name() {
        return "inbound-routes";
    }

    @Override
    public void loadCaches() {
        routes.reloadCache();
    }

    @Override
    public void sipStarted(SipWiring sip) {
        sip.callControl().acceptTrunkCalls(new InboundTrunkCalls(trunks.trunks(), routes,
                stirShaken.stirShaken().inbound()));
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new InboundRouteRoutes(routes));
    }
}
