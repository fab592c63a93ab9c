package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.pickup.PickupRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.pickup.PickupApplication;
import org.switchboard.pbx.pickup.PickupGroupService;
import org.switchboard.pbx.pickup.PickupSeed;
import org.switchboard.store.db.BatchWriter;
import org.switchboard.store.db.Database;
import org.switchboard.store.pickup.CallPickup;
import org.switchboard.store.pickup.CallPickupLog;
import org.switchboard.store.pickup.JdbiPickupGroupStore;
import org.switchboard.store.seed.Seed;

/**
 * Call pickup (docs/pickup.md): destination kind {@code pickup} with its application (which learns the ringing
 * calls from call control once SIP runs), the seeded {@code **<extension>} and {@code *8} dial-plan rules, the
 * pickup groups' cache (reloaded after extension changes, since a deleted extension leaves its groups), the
 * write-behind record of the calls picked up (flushed at close), and the routes. Built and driven by the start-up thread.
 */
final class PickupModule implements FeatureModule {
    private final PickupGroupService groups;
    private final BatchWriter<CallPickup> pickups;
    private final CallPickupLog log;
    private final PickupApplication pickup;
    private final Seed seed;

    private PickupModule(PickupGroupService groups, BatchWriter<CallPickup> pickups, CallPickupLog log, Seed seed,
            Clock clock) {
        this.groups = groups;
        this.pickups = pickups;
        this.log = log;
        this.pickup = new PickupApplication(groups, pickups::submit, clock);
        this.seed = seed;
    }

    static PickupModule build(Features features, Database database, Clock clock) {
        // Written behind: a call thread records a pickup without waiting for the database; never dropped.
        BatchWriter<CallPickup> pickups = new BatchWriter<>("call_pickups", database,
                BatchWriter.Settings.defaults(BatchWriter.Overflow.WAIT), CallPickup::callId, CallPickupLog::write);
        return new PickupModule(new PickupGroupService(new JdbiPickupGroupStore(database), features.extensions(), clock,
                features.events()), pickups, new CallPickupLog(database), new PickupSeed(features.dialPlan()), clock);
    }

    @Override
    public String name() {
        return "pickup";
    }

    @Override
    public List<ModuleDestination> destinations() {
        return List.of(new ModuleDestination(PickupApplication.kind(), pickup));
    }

    @Override
    public List<Seed> seeds() {
        return List.of(seed);
    }

    @Override
    public void loadCaches() {
        groups.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "pickup", groups::reloadCache);
    }

    @Override
    public void sipStarted(SipWiring sip) {
        pickup.useRinging(sip.callControl().ringing());
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new PickupRoutes(groups, sip.callControl().ringing()::all, log::latest));
    }

    @Override
    public void close() {
        pickups.close();
    }
}
