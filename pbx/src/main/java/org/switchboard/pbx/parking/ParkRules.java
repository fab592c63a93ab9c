package org.switchboard.pbx.parking;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;
import org.switchboard.store.parking.NewParkLot;

/**
 * The two dial-plan rules that reach the park lot: its number to kind {@code park}, its slots to kind {@code
 * park_slot}. Written through the dial plan's service (same checks as the API) whenever the lot is saved, so the
 * numbers the lot shows are the numbers that work; a rule an administrator moved keeps its priority. Called on
 * request and start-up threads.
 */
final class ParkRules {
    /**
     * Where the rules go when created: just before the internal extensions' catch-all (100), clear of the
     * priorities 30-50 the documentation's examples give rules an administrator adds.
     */
    private static final int FIRST_PRIORITY = 90;

    private final DialPlanService dialPlan;

    ParkRules(DialPlanService dialPlan) {
        this.dialPlan = dialPlan;
    }

    /** Points the lot's rules at {@code lot}'s number and slots, creating them when absent. */
    void sync(String lotName, NewParkLot lot, String actor) {
        write(ParkApplication.KIND, "park", lot.number().replaceAll("([*#])", "\\\\$1"), lotName, actor);
        write(RetrieveApplication.KIND, "park slots", "(" + SlotPattern.of(lot.firstSlot(), lot.lastSlot()) + ")", "$1",
                actor);
    }

    private void write(String kind, String name, String pattern, String target, String actor) {
        List<DialPlanRule> rules = dialPlan.list();
        Optional<DialPlanRule> existing = rules.stream().filter(r -> r.action().key().equals(kind)).findFirst();
        if (existing.isPresent()) {
            DialPlanRule rule = existing.get();
            dialPlan.update(rule.id(), new NewDialPlanRule(rule.priority(), rule.name(), pattern, new RuleAction(kind),
                    target), actor);
        } else {
            Set<Integer> taken = rules.stream().map(DialPlanRule::priority).collect(Collectors.toSet());
            int priority = FIRST_PRIORITY;
            while (taken.contains(priority)) {
                priority++;
            }
            dialPlan.create(new NewDialPlanRule(priority, name, pattern, new RuleAction(kind), target), actor);
        }
    }
}
