package org.switchboard.pbx.routing;

import java.util.List;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.seed.Seed;

/**
 * Copies the config file's {@code dialplan:} section (its rules) into an empty database, once,
 * through {@link DialPlanService#create} so seeded rules pass the same checks as API rules. Run by
 * the store's {@code SeedRunner} on the start-up thread inside the seed's transaction; the server
 * reloads the service's cache after the seeds ran.
 */
public final class DialPlanSeed implements Seed {
    private final DialPlanService dialPlan;
    private final List<NewDialPlanRule> rules;

    /** @param rules the section's rules, already parsed by the server */
    public DialPlanSeed(DialPlanService dialPlan, List<NewDialPlanRule> rules) {
        this.dialPlan = dialPlan;
        this.rules = List.copyOf(rules);
    }

    @Override
    public String name() {
        return "dialplan";
    }

    @Override
    public boolean hasRows() {
        return dialPlan.count() > 0;
    }

    @Override
    public void apply() {
        for (NewDialPlanRule rule : rules) {
            dialPlan.create(rule, "config seed");
        }
    }
}
