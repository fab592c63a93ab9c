package org.switchboard.pbx.pickup;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.seed.Seed;

/**
 * Writes the two dial-plan rules that reach call pickup into a database that has none, once: directed pickup
 * ({@value #DIRECTED_PREFIX} and an extension, target {@code $1}) and group pickup ({@value #GROUP_CODE}). They are
 * ordinary rules afterwards: changing a code is changing its rule through the dial plan's API. Run by the store's
 * {@code SeedRunner} on the start-up thread.
 */
public final class PickupSeed implements Seed {
    /** The default directed-pickup prefix: {@code **1002} picks up what rings 1002. */
    public static final String DIRECTED_PREFIX = "**";
    /** The default group-pickup code. */
    public static final String GROUP_CODE = "*8";
    /** Just before the internal extensions' catch-all (100), beside the park lot's rules (from 90). */
    private static final int FIRST_PRIORITY = 80;

    private final DialPlanService dialPlan;

    public PickupSeed(DialPlanService dialPlan) {
        this.dialPlan = dialPlan;
    }

    /** The seeded rules, in the order they are written. */
    private static List<NewDialPlanRule> rules(int directedPriority, int groupPriority) {
        RuleAction pickup = new RuleAction(PickupApplication.KIND);
        return List.of(
                new NewDialPlanRule(directedPriority, "directed pickup", escape(DIRECTED_PREFIX) + "([0-9]{2,10})",
                        pickup, "$1"),
                new NewDialPlanRule(groupPriority, "group pickup", escape(GROUP_CODE), pickup, PickupApplication.GROUP));
    }

    private static String escape(String code) {
        return code.replaceAll("([*#])", "\\\\$1");
    }

    @Override
    public String name() {
        return "pickup";
    }

    @Override
    public boolean hasRows() {
        return dialPlan.list().stream().anyMatch(r -> r.action().key().equals(PickupApplication.KIND));
    }

    @Override
    public void apply() {
        Set<Integer> taken = dialPlan.list().stream().map(DialPlanRule::priority).collect(Collectors.toSet());
        int directed = free(FIRST_PRIORITY, taken);
        int group = free(directed + 1, taken);
        rules(directed, group).forEach(rule -> dialPlan.create(rule, "config seed"));
    }

    private static int free(int from, Set<Integer> taken) {
        int priority = from;
        while (taken.contains(priority)) {
            priority++;
        }
        return priority;
    }
}
