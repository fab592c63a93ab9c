package org.switchboard.store.route;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What outbound routing may ask of the database about routes: the {@code outbound_routes} table.
 * Thread: any request, worker or virtual thread, never an event loop or a call thread.
 */
public interface OutboundRouteStore {

    /** Saves a new route; {@code ConflictException("name")} when taken. */
    OutboundRoute create(NewOutboundRoute route, Instant now);

    /** Replaces a route's values (not its name); {@code NotFoundException} when no route has {@code name}. */
    OutboundRoute update(String name, NewOutboundRoute route, Instant now);

    /** Deletes a route; {@code NotFoundException} when no route has {@code name}. */
    void delete(String name);

    /** The route named {@code name}, if any. */
    Optional<OutboundRoute> find(String name);

    /** Every route, by name. */
    List<OutboundRoute> list();
}
