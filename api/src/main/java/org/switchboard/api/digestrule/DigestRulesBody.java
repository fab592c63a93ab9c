package org.switchboard.api.digestrule;

import java.util.List;
import org.switchboard.pbx.digestrule.DigestRuleService;
import org.switchboard.store.db.ValidationException;

/** Request body of {@code PUT /api/sip/digest-rules}: the whole list, first match first. */
public record DigestRulesBody(List<Rule> rules) {

    /** One rule as sent. */
    public record Rule(String userAgentPattern, String algorithms, String note) {}

    List<DigestRuleService.RuleInput> toInputs() {
        if (rules == null) {
            throw new ValidationException("rules", "is required (an empty list removes every rule)");
        }
        return rules.stream()
                .map(r -> r == null ? new DigestRuleService.RuleInput(null, null, null)
                        : new DigestRuleService.RuleInput(r.userAgentPattern(), r.algorithms(), r.note()))
                .toList();
    }
}
