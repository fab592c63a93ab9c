package org.switchboard.store.fraud;

import org.switchboard.store.db.Fields;

/**
 * An extension's own outbound permission and limits; a null limit means the settings' default.
 * Validates on construction (the field as the API names it). Immutable.
 *
 * @param dailySpendMicros spend per day in millionths of the currency unit (0: no budget)
 * @param dailyMinutes minutes per day (0: no budget)
 * @param maxInternationalCalls international calls up at once (0: no cap)
 */
public record ExtensionLimits(String extension, OutboundClass permission, Long dailySpendMicros, Integer dailyMinutes,
        Integer maxInternationalCalls) {
    public ExtensionLimits {
        extension = Fields.required(extension, "extension");
        Fields.check(permission != null, "permission", "is required");
        Fields.check(dailySpendMicros == null || dailySpendMicros >= 0, "daily_budget", "must not be negative");
        Fields.check(dailyMinutes == null || dailyMinutes >= 0, "daily_minutes", "must not be negative");
        Fields.check(maxInternationalCalls == null || maxInternationalCalls >= 0, "max_international_calls",
                "must not be negative");
    }
}
