package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.followme.FollowMeRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.followme.FollowMeKind;
import org.switchboard.pbx.followme.FollowMeService;
import org.switchboard.store.db.Database;
import org.switchboard.store.followme.JdbiFollowMeStore;

/**
 * Find-me/follow-me: the service and its cache (reloaded after every extension change, since the
 * settings follow renumbered and deleted extensions), the routes, and destination kind {@code
 * follow_me}, through which the call router finds an extension's list
 * ({@link org.switchboard.pbx.routing.FollowingKind}). The kind is registered when the module is
 * built, before the seeds run. Built and driven by the start-up thread.
 */
final class FollowMeModule implements FeatureModule {
    private final FollowMeService followMe;

    private FollowMeModule(FollowMeService followMe) {
        this.followMe = followMe;
    }

    static FollowMeModule build(Features features, Database database, Clock clock) {
        FollowMeService followMe = new FollowMeService(new JdbiFollowMeStore(database), features.extensions(), clock,
                features.events());
        features.dialPlan().kinds().register(new FollowMeKind(followMe, features.dialPlan().kinds()));
        return new FollowMeModule(followMe);
    }

    /** The service the module wires, for the routes and tests. */
    FollowMeService followMe() {
        return followMe;
    }

    @Override
    public String name() {
        return "followme";
    }

    @Override
    public void loadCaches() {
        followMe.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "followme", followMe::reloadCache);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new FollowMeRoutes(followMe));
    }
}
