package org.switchboard.server.wiring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.routing.ExtensionLastResort;
import org.switchboard.sip.app.RequestHandler;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.store.seed.Seed;

/**
 * One feature as a node wires it: the parts every feature may have, each optional, so that the
 * server's start-up and shutdown loop over the modules instead of growing by hand
 * (docs/call-engine.md, "Feature modules"). Its tables come from migrations in the store's
 * {@code db/migration} folders under the module's own version range; everything else is here.
 * The server calls the methods in this order, each over every module in registration order:
 * {@link #destinations}, {@link #seeds}, {@link #loadCaches}, {@link #subscribe}, {@link
 * #schedule}, {@link #sipRequests} while SIP starts, then {@link #sipStarted} and {@link #routes}
 * once SIP runs; {@link #close} in reverse order at shutdown.
 * Called by the thread that starts and stops the server.
 */
public interface FeatureModule {

    /** The module's name, for logs ({@code dialplan}, {@code voicemail}...). */
    String name();

    /**
     * The destination kinds the module adds to the dial plan, each with the application that runs
     * the calls sent there; registered before the seeds run, so a seeded rule may name them.
     */
    default List<ModuleDestination> destinations() {
        return List.of();
    }

    /**
     * Where calls go that an extension cannot take (busy, no answer, do-not-disturb, no phone), if
     * this module answers them (voicemail); call control uses the first module's that offers one.
     */
    default Optional<ExtensionLastResort> lastResort() {
        return Optional.empty();
    }

    /** The seeds that copy its config file sections into an empty database once, in order. */
    default List<Seed> seeds() {
        return List.of();
    }

    /** Loads its in-memory caches from the database (after every seed ran, before traffic). */
    default void loadCaches() {}

    /** Subscribes to changes it must follow (another feature's, or another node's), after every cache is loaded. */
    default void subscribe(EventBus events) {}

    /** Schedules its periodic jobs. */
    default void schedule(Housekeeping housekeeping) {}

    /**
     * The SIP methods it serves itself (SUBSCRIBE for message waiting), with their handlers, given
     * the SIP side as it starts; the stack is not listening yet. A method no other part serves.
     */
    default Map<SipMethod, RequestHandler> sipRequests(SipSide sip) {
        return Map.of();
    }

    /** Starts what it runs over the SIP stack (a trunk's registration), once SIP runs and before HTTP. */
    default void sipStarted(SipWiring sip) {}

    /** Ends what it runs over SIP while the stack still runs (a trunk's un-REGISTER), before SIP stops. */
    default void sipStopping() {}

    /** Its HTTP routes; {@code sip} gives what they may need of the running SIP side (location, calls). */
    default List<Routes> routes(SipWiring sip) {
        return List.of();
    }

    /** Flushes what it still holds and stops (write-behind queues before the pool closes). */
    default void close() {}
}
