package org.switchboard.pbx.routing;

import java.util.List;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;

/**
 * The dial plan an empty database starts with: the feature codes and internal extension dialling
 * of docs/calls.md. Copied once by {@link DialPlanSeed}; afterwards the rules live in the database
 * and are changed through the API. Immutable.
 */
public final class DefaultDialPlan {
    private DefaultDialPlan() {}

    public static List<NewDialPlanRule> rules() {
        return List.of(
                new NewDialPlanRule(10, "voicemail", "\\*97", RuleAction.FEATURE, "voicemail"),
                new NewDialPlanRule(20, "forward on", "\\*72([0-9]{2,10})?", RuleAction.FEATURE, "forward_on"),
                new NewDialPlanRule(21, "forward off", "\\*73", RuleAction.FEATURE, "forward_off"),
                new NewDialPlanRule(30, "do not disturb on", "\\*78", RuleAction.FEATURE, "dnd_on"),
                new NewDialPlanRule(31, "do not disturb off", "\\*79", RuleAction.FEATURE, "dnd_off"),
                new NewDialPlanRule(100, "internal extensions", "[0-9]{2,10}", RuleAction.EXTENSION, "$0"));
    }
}
