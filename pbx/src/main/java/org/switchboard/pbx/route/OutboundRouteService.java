package org.switchboard.pbx.route;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.NewOutboundRoute;
import org.switchboard.store.route.OutboundRoute;
import org.switchboard.store.route.OutboundRouteStore;

/**
 * The single entry point for outbound routes (API, the {@code outbound} destination kind, calls):
 * checks that a route's trunks exist, writes through, and keeps the routes in memory for calls.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database
 * published through a volatile map that calls read without locking. The changing methods block:
 * never call them on an event loop or a call thread.
 */
public final class OutboundRouteService {
    private final OutboundRouteStore store;
    private final TrunkService trunks;
    private final Clock clock;
    private final NamedRecords<OutboundRoute> routes;

    public OutboundRouteService(OutboundRouteStore store, TrunkService trunks, Clock clock, EventBus events) {
        this.store = store;
        this.trunks = trunks;
        this.clock = clock;
        this.routes = new NamedRecords<>("outbound route", "outbound_route", OutboundRoute::name, store::list, clock, events);
    }

    /** Every route, by name, from memory. */
    public List<OutboundRoute> list() {
        return routes.list();
    }

    /** The route called {@code name}, from memory. */
    public Optional<OutboundRoute> find(String name) {
        return routes.find(name);
    }

    /** The route called {@code name}; {@link NotFoundException} when there is none. */
    public OutboundRoute get(String name) {
        return routes.get(name);
    }

    public OutboundRoute create(NewOutboundRoute route, String actor) {
        return routes.change(route.name(), Change.CREATED, actor, () -> {
            checkTrunks(route);
            return store.create(route, clock.instant());
        });
    }

    /** Replaces route {@code name}; a route keeps its name (dial-plan rules name it). */
    public OutboundRoute update(String name, NewOutboundRoute route, String actor) {
        if (!route.name().equals(name)) {
            throw new ValidationException("name", "must be the route's name in the URL: routes are not renamed");
        }
        return routes.change(name, Change.UPDATED, actor, () -> {
            get(name);
            checkTrunks(route);
            return store.update(name, route, clock.instant());
        });
    }

    /** Deletes route {@code name}; a dial-plan rule naming it then refuses its calls (404). */
    public void delete(String name, String actor) {
        routes.remove(name, actor, () -> {
            get(name);
            store.delete(name);
        });
    }

    /** Loads the in-memory copy from the database (at start). */
    public void reloadCache() {
        routes.reload();
    }

    private void checkTrunks(NewOutboundRoute route) {
        for (String trunk : route.trunks()) {
            if (trunks.find(trunk).isEmpty()) {
                throw new ValidationException("trunks", "no trunk named '" + trunk + "'");
            }
        }
    }
}
