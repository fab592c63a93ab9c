package org.switchboard.pbx.route;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
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
    private static final Logger log = LoggerFactory.getLogger(OutboundRouteService.class);

    private final OutboundRouteStore store;
    private final TrunkService trunks;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, OutboundRoute> routes = Map.of();

    public OutboundRouteService(OutboundRouteStore store, TrunkService trunks, Clock clock, EventBus events) {
        this.store = store;
        this.trunks = trunks;
        this.clock = clock;
        this.events = events;
    }

    /** Every route, by name, from memory. */
    public List<OutboundRoute> list() {
        return routes.values().stream().sorted(Comparator.comparing(OutboundRoute::name)).toList();
    }

    /** The route called {@code name}, from memory. */
    public Optional<OutboundRoute> find(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    /** The route called {@code name}; {@link NotFoundException} when there is none. */
    public OutboundRoute get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("outbound route", name));
    }

    public OutboundRoute create(NewOutboundRoute route, String actor) {
        return change(route.name(), Change.CREATED, actor, () -> {
            checkTrunks(route);
            return store.create(route, clock.instant());
        });
    }

    /** Replaces route {@code name}; a route keeps its name (dial-plan rules name it). */
    public OutboundRoute update(String name, NewOutboundRoute route, String actor) {
        if (!route.name().equals(name)) {
            throw new ValidationException("name", "must be the route's name in the URL: routes are not renamed");
        }
        return change(name, Change.UPDATED, actor, () -> {
            get(name);
            checkTrunks(route);
            return store.update(name, route, clock.instant());
        });
    }

    /** Deletes route {@code name}; a dial-plan rule naming it then refuses its calls (404). */
    public void delete(String name, String actor) {
        change(name, Change.DELETED, actor, () -> {
            get(name);
            store.delete(name);
            return null;
        });
    }

    /** Loads the in-memory copy from the database (at start). */
    public void reloadCache() {
        changes.lock();
        try {
            routes = index(store.list());
        } finally {
            changes.unlock();
        }
    }

    private void checkTrunks(NewOutboundRoute route) {
        for (String trunk : route.trunks()) {
            if (trunks.find(trunk).isEmpty()) {
                throw new ValidationException("trunks", "no trunk named '" + trunk + "'");
            }
        }
    }

    private OutboundRoute change(String name, Change change, String actor, Supplier<OutboundRoute> write) {
        OutboundRoute saved;
        changes.lock();
        try {
            saved = write.get();
            routes = index(store.list());
        } finally {
            changes.unlock();
        }
        events.publish(new ConfigChanged(clock.instant(), "outbound_route", name, change));
        log.info("outbound route {} name={} by={}", change.name().toLowerCase(Locale.ROOT), name, actor);
        return saved;
    }

    private static Map<String, OutboundRoute> index(List<OutboundRoute> all) {
        return all.stream().collect(Collectors.toUnmodifiableMap(OutboundRoute::name, Function.identity()));
    }
}
