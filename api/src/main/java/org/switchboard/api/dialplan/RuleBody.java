package org.switchboard.api.dialplan;

import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.NewDialPlanRule;
import org.switchboard.store.dialplan.RuleAction;

/** Request body of {@code POST /api/dialplan/rules} and {@code PUT /api/dialplan/rules/{id}}. */
public record RuleBody(Integer priority, String name, String pattern, String action, String target) {

    NewDialPlanRule toRule() {
        Fields.check(priority != null, "priority", "is required");
        Fields.check(action != null, "action", "is required");
        RuleAction parsed = RuleAction.parse(action)
                .orElseThrow(() -> new ValidationException("action", "must name a destination kind (extension, feature, reject...)"));
        return new NewDialPlanRule(priority, name, pattern, parsed, target);
    }
}
