package org.switchboard.api.fraud;

import java.math.BigDecimal;
import org.switchboard.api.route.LcrRateBody;
import org.switchboard.pbx.fraud.DailyUsage;
import org.switchboard.pbx.fraud.FraudService;
import org.switchboard.pbx.fraud.Money;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.fraud.ExtensionLimits;
import org.switchboard.store.fraud.OutboundClass;

/**
 * Body of {@code PUT /api/extensions/{number}/outbound}: the extension's outbound class and its own
 * limits, each omitted or null limit being the fraud settings' default.
 */
public record OutboundLimitsBody(String permission, BigDecimal dailyBudget, Integer dailyMinutes,
        Integer maxInternationalCalls) {

    ExtensionLimits toLimits(String extension) {
        if (permission == null) {
            throw new ValidationException("permission", "is required");
        }
        return new ExtensionLimits(extension, OutboundClass.of(permission, "permission"),
                dailyBudget == null ? null : LcrRateBody.micros(dailyBudget, "daily_budget"), dailyMinutes,
                maxInternationalCalls);
    }

    /**
     * The answer of {@code GET|PUT}: the extension's own values ({@code own} false and nulls when it
     * has the defaults), the limits in force and what it spent today on this node.
     */
    record View(String extension, boolean own, String permission, BigDecimal dailyBudget, Integer dailyMinutes,
            Integer maxInternationalCalls, Effective effective, Today today) {}

    /** Today's trunk calls of the extension: their price and billed minutes. */
    record Today(BigDecimal spend, long minutes) {
        static Today of(DailyUsage.Usage u) {
            return new Today(new BigDecimal(Money.text(u.spendMicros())), u.minutes());
        }
    }

    /** The limits in force (0: none). */
    record Effective(String permission, BigDecimal dailyBudget, long dailyMinutes, int maxInternationalCalls) {
        static Effective of(FraudService.Limits l) {
            return new Effective(l.permission().wireName(), new BigDecimal(Money.text(l.dailySpendMicros())),
                    l.dailyMinutes(), l.maxInternationalCalls());
        }
    }
}
