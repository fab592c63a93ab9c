package org.switchboard.store.route;

import java.time.Instant;
import java.util.List;

/**
 * What inbound routing may ask of the database: the {@code inbound_routes} table. Thread: any
 * request, worker or virtual thread, never an event loop or a call thread.
 */
public interface InboundRouteStore {

    /** Saves a new route; {@code ConflictException("did")} when the DID has one. */
    InboundRoute create(NewInboundRoute route, Instant now);

    /** Replaces the route of {@code did} (not its DID); {@code NotFoundException} when there is none. */
    InboundRoute update(String did, NewInboundRoute route, Instant now);

    /** Deletes the route of {@code did}; {@code NotFoundException} when there is none. */
    void delete(String did);

    /** Every route, by DID. */
    List<InboundRoute> list();
}
