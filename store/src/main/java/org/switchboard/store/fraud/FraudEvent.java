package org.switchboard.store.fraud;

import java.time.Instant;
import org.switchboard.store.db.Fields;

/**
 * A call the fraud checks acted on: when, who called what, the rule ({@code permission}, {@code
 * blocked_pattern}, {@code daily_budget}, {@code daily_minutes}, {@code international_calls},
 * {@code after_hours}), the reason given to the caller and the action taken ({@code refused}).
 * {@code id} is 0 until stored. Immutable.
 */
public record FraudEvent(long id, Instant occurredAt, String extension, String number, String rule, String reason,
        String action) {
    public FraudEvent {
        Fields.check(occurredAt != null, "occurred_at", "is required");
        extension = Fields.required(extension, "extension");
        number = Fields.required(number, "number");
        number = number.length() > 64 ? number.substring(0, 64) : number; // a dial string may build a longer one
        rule = Fields.required(rule, "rule");
        reason = Fields.required(reason, "reason");
        action = Fields.required(action, "action");
    }

    /** A refusal not stored yet. */
    public static FraudEvent refused(Instant at, String extension, String number, String rule, String reason) {
        return new FraudEvent(0, at, extension, number, rule, reason, "refused");
    }
}
