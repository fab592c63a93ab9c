package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.ringgroup.RingGroupRoutes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.ringgroup.RingGroupKind;
import org.switchboard.pbx.ringgroup.RingGroupService;
import org.switchboard.store.db.Database;
import org.switchboard.store.ringgroup.JdbiRingGroupStore;

/**
 * Ring groups: the service and its cache (reloaded after every extension change, since members
 * follow renumbered and deleted extensions), the routes, and destination kind {@code ring_group}.
 * The kind is registered with the dial plan when the module is built (before the seeds run, like
 * {@link #destinations}' kinds) and has no application: the call router rings a group's members
 * itself ({@link org.switchboard.pbx.routing.RingingKind}), so nothing answers the caller but a
 * member or the group's final action. Built and driven by the start-up thread.
 */
final class RingGroupModule implements FeatureModule {
    private final RingGroupService groups;

    private RingGroupModule(RingGroupService groups) {
        this.groups = groups;
    }

    static RingGroupModule build(Features features, Database database, Clock clock) {
        RingGroupService groups = new RingGroupService(new JdbiRingGroupStore(database), features.extensions(),
                features.dialPlan().kinds(), clock, features.events());
        features.dialPlan().kinds().register(new RingGroupKind(groups));
        return new RingGroupModule(groups);
    }

    /** The service the module wires, for the routes and tests. */
    RingGroupService groups() {
        return groups;
    }

    @Override
    public String name() {
        return "ringgroups";
    }

    @Override
    public void loadCaches() {
        groups.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "ringgroups", groups::reloadCache);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new RingGroupRoutes(groups));
    }
}
