package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.pickup.PickupRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.pickup.PickupApplication;
import org.switchboard.pbx.pickup.PickupGroupService;
import org.switchboard.pbx.pickup.PickupSeed;
import org.switchboard.store.db.Database;
import org.switchboard.store.pickup.JdbiPickupGroupStore;
import org.switchboard.store.seed.Seed;

/**
 * Call pickup (docs/pickup.md): destination kind {@code pickup} with its application (which learns the ringing
 * calls from call control once SIP runs), the seeded {@code **<extension>} and {@code *8} dial-plan rules, the
 * pickup groups' cache (reloaded after extension changes, since a deleted extension leaves its groups), and the
 * routes. Built and driven by the start-up thread.
 */
final class PickupModule implements FeatureModule {
    private final PickupGroupService groups;
    private final PickupApplication pickup;
    private final Seed seed;

    private PickupModule(PickupGroupService groups, Seed seed) {
        this.groups = groups;
        this.pickup = new PickupApplication(groups);
        this.seed = seed;
    }

    static PickupModule build(Features features, Database database, Clock clock) {
        return new PickupModule(new PickupGroupService(new JdbiPickupGroupStore(database), features.extensions(), clock,
                features.events()), new PickupSeed(features.dialPlan()));
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
        return List.of(new PickupRoutes(groups, sip.callControl().ringing()::all));
    }
}
