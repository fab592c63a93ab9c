package org.switchboard.server.wiring;

import java.util.List;
import org.switchboard.api.dialplan.DialPlanRoutes;
import org.switchboard.api.http.Routes;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.routing.DefaultDialPlan;
import org.switchboard.pbx.routing.DialPlanSeed;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.seed.Seed;

/**
 * The dial plan: the default rules seeded once, the compiled plan (rebuilt after an extension
 * changes, since it decides with extension data), and its routes, whose test endpoint plans with
 * call control's router (the call settings, the registered phones, the last resort).
 */
public record DialPlanModule(DialPlanService dialPlan) implements FeatureModule {

    @Override
    public String name() {
        return "dialplan";
    }

    @Override
    public List<Seed> seeds() {
        return List.of(new DialPlanSeed(dialPlan, DefaultDialPlan.rules()));
    }

    @Override
    public void loadCaches() {
        dialPlan.reloadCache();
    }

    @Override
    public void subscribe(EventBus events) {
        ExtensionChanges.follow(events, "dialplan", dialPlan::reloadCache);
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new DialPlanRoutes(dialPlan, sip.router()));
    }
}
