package org.switchboard.server.wiring;

import java.time.Clock;
import java.util.List;
import org.switchboard.api.http.Routes;
import org.switchboard.api.route.TimeRuleRoutes;
import org.switchboard.pbx.route.TimeRuleKind;
import org.switchboard.pbx.route.TimeRuleService;
import org.switchboard.server.config.SwitchboardConfig;
import org.switchboard.store.db.Database;
import org.switchboard.store.route.JdbiTimeRuleStore;

/**
 * Time rules: the service and its cache, the routes, and destination kind {@code time_rule}, read in
 * the configured time zone ({@code calls.time_zone}) on the node's clock. The kind is registered with
 * the dial plan when the module is built, like ring groups', and has no application: the call router
 * sends a call for a rule on to the branch that applies. Built and driven by the start-up thread.
 */
final class TimeRuleModule implements FeatureModule {
    private final TimeRuleService rules;

    private TimeRuleModule(TimeRuleService rules) {
        this.rules = rules;
    }

    static TimeRuleModule build(Features features, SwitchboardConfig config, Database database, Clock clock) {
        TimeRuleService rules = new TimeRuleService(new JdbiTimeRuleStore(database), features.dialPlan().kinds(), clock,
                features.events());
        features.dialPlan().kinds().register(new TimeRuleKind(rules, clock, config.calls().timeZone()));
        return new TimeRuleModule(rules);
    }

    /** The rules (fraud control's after-hours blocking reads them). */
    TimeRuleService rules() {
        return rules;
    }

    @Override
    public String name() {
        return "time-rules";
    }

    @Override
    public void loadCaches() {
        rules.reloadCache();
    }

    @Override
    public List<Routes> routes(SipWiring sip) {
        return List.of(new TimeRuleRoutes(rules));
    }
}
