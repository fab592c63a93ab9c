package org.switchboard.store.dialplan;

import java.time.Instant;

/** A stored dial-plan rule as read from the database (fields as in {@link NewDialPlanRule}). Immutable. */
public record DialPlanRule(
        long id,
        int priority,
        String name,
        String pattern,
        RuleAction action,
        String target,
        Instant createdAt,
        Instant updatedAt) {}
