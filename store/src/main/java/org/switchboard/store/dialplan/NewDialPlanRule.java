package org.switchboard.store.dialplan;

import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * The values a dial-plan rule is created or updated with. Validates the stored shape on
 * construction ({@link ValidationException} naming the field); what a pattern or target means is
 * checked by the pbx dial plan. Immutable.
 *
 * @param priority rules are tried in ascending priority; unique
 * @param name     a label shown in the dial plan's explanation
 * @param pattern  a regular expression the whole dialled string must match
 */
public record NewDialPlanRule(int priority, String name, String pattern, RuleAction action, String target) {
    public NewDialPlanRule {
        Fields.check(priority >= 0 && priority <= 1_000_000, "priority", "must be between 0 and 1000000");
        name = Fields.required(name, "name");
        Fields.check(name.length() <= 100, "name", "must be at most 100 characters");
        Fields.check(pattern != null && !pattern.isEmpty() && pattern.length() <= 200, "pattern", "must be 1 to 200 characters");
        Fields.check(action != null, "action", "is required");
        target = Fields.required(target, "target");
        Fields.check(target.length() <= 100, "target", "must be at most 100 characters");
    }
}
