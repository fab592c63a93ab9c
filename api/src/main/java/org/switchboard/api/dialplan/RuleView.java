package org.switchboard.api.dialplan;

import java.time.Instant;
import org.switchboard.store.dialplan.DialPlanRule;

/** Response body for one dial-plan rule. */
public record RuleView(long id, int priority, String name, String pattern, String action, String target,
                       Instant createdAt, Instant updatedAt) {

    static RuleView of(DialPlanRule r) {
        return new RuleView(r.id(), r.priority(), r.name(), r.pattern(), r.action().key(), r.target(), r.createdAt(), r.updatedAt());
    }
}
