package org.switchboard.pbx.route;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.route.InboundRoute;
import org.switchboard.store.route.InboundRouteStore;
import org.switchboard.store.route.NewInboundRoute;

/**
 * The single entry point for inbound routes (API, calls from trunks): checks that a route's action
 * is a destination kind the dial plan knows and its target one of that kind (the kind's own check),
 * writes through, and keeps the routes in memory for calls ({@link #destination}).
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload published through
 * a volatile map that calls read without locking. The changing methods block: never call them on
 * an event loop or a call thread.
 */
public final class InboundRouteService {
    private final InboundRouteStore store;
    private final DestinationKinds kinds;
    private final Clock clock;
    private final NamedRecords<InboundRoute> routes;

    public InboundRouteService(InboundRouteStore store, DestinationKinds kinds, Clock clock, EventBus events) {
        this.store = store;
        this.kinds = kinds;
        this.clock = clock;
        this.routes = new NamedRecords<>("inbound route", "inbound_route", InboundRoute::did, store::list, clock, events);
    }

    /** Every route, by DID, from memory. */
    public List<InboundRoute> list() {
        return routes.list();
    }

    /** The route of {@code did}; {@link NotFoundException} when there is none. */
    public InboundRoute get(String did) {
        return routes.get(did);
    }

    /** Where calls to {@code did} go: its route, else the default ({@code *}), from memory. */
    public Optional<Destination> destination(String did) {
        return routes.find(did).or(() -> routes.find(NewInboundRoute.DEFAULT))
                .map(r -> new Destination(r.values().action(), r.values().target()));
    }

    /**
     * Extension {@code extension}'s own number to the outside world: the first DID (in order) whose
     * route rings it directly; never the default ({@code *}). From memory: emergency calls present
     * it as their callback number.
     */
    public Optional<String> didOf(String extension) {
        return list().stream().map(InboundRoute::values)
                .filter(r -> r.action().equals(RuleAction.EXTENSION.key()) && r.target().equals(extension))
                .map(NewInboundRoute::did)
                .filter(did -> !did.equals(NewInboundRoute.DEFAULT))
                .findFirst();
    }

    public InboundRoute create(NewInboundRoute route, String actor) {
        return routes.change(route.did(), Change.CREATED, actor, () -> {
            check(route);
            return store.create(route, clock.instant());
        });
    }

    /** Replaces the route of {@code did}; the DID stays. */
    public InboundRoute update(String did, NewInboundRoute route, String actor) {
        if (!route.did().equals(did)) {
            throw new ValidationException("did", "must be the DID in the URL: routes keep their DID");
        }
        return routes.change(did, Change.UPDATED, actor, () -> {
            check(route);
            return store.update(did, route, clock.instant());
        });
    }

    public void delete(String did, String actor) {
        routes.remove(did, actor, () -> store.delete(did));
    }

    /** Loads the in-memory copy from the database (at start). */
    public void reloadCache() {
        routes.reload();
    }

    private void check(NewInboundRoute route) {
        DestinationKind kind = kinds.find(route.action()).orElseThrow(() -> new ValidationException("action",
                "must be a destination kind: " + kinds.all().stream().map(DestinationKind::name).collect(Collectors.joining(", "))));
        kind.checkTarget(route.target());
    }
}
