package org.switchboard.api.fraud;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.switchboard.api.route.LcrRateBody;
import org.switchboard.pbx.fraud.Money;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.fraud.FraudSettings;
import org.switchboard.store.fraud.OutboundClass;

/**
 * Body and answer of {@code GET|PUT /api/fraud/settings}; a PUT replaces every value: omitted
 * lists are empty, omitted budgets and cap 0 (none), an omitted {@code default_permission} is 400.
 */
public record FraudSettingsBody(String defaultPermission, List<String> internationalPrefixes,
        List<String> nationalPrefixes, List<String> premiumPrefixes, BigDecimal dailyBudget, Integer dailyMinutes,
        Integer maxInternationalCalls, String afterHoursRule) {

    static FraudSettingsBody of(FraudSettings s) {
        return new FraudSettingsBody(s.defaultPermission().wireName(), s.internationalPrefixes(), s.nationalPrefixes(),
                s.premiumPrefixes(), new BigDecimal(Money.text(s.dailySpendMicros())), s.dailyMinutes(),
                s.maxInternationalCalls(), s.afterHoursRule().orElse(null));
    }

    FraudSettings toSettings() {
        if (defaultPermission == null) {
            throw new ValidationException("default_permission", "is required");
        }
        return new FraudSettings(OutboundClass.of(defaultPermission, "default_permission"), internationalPrefixes,
                nationalPrefixes, premiumPrefixes,
                dailyBudget == null ? 0 : LcrRateBody.micros(dailyBudget, "daily_budget"),
                dailyMinutes == null ? 0 : dailyMinutes, maxInternationalCalls == null ? 0 : maxInternationalCalls,
                Optional.ofNullable(afterHoursRule));
    }
}
