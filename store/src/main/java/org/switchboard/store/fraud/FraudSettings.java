package org.switchboard.store.fraud;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;

/**
 * The node-wide fraud settings: the prefixes that classify a number sent to a trunk (premium first,
 * then international, then national; anything else is local), the permission of an extension
 * without limits of its own, the default daily budgets (0: none), the cap on an extension's
 * international calls up at once (0: none) and the time rule whose closed hours block international
 * calls. Validates on construction (the field as the API names it). Immutable.
 *
 * @param dailySpendMicros spend per extension per day, in millionths of the currency unit
 */
public record FraudSettings(
        OutboundClass defaultPermission,
        List<String> internationalPrefixes,
        List<String> nationalPrefixes,
        List<String> premiumPrefixes,
        long dailySpendMicros,
        int dailyMinutes,
        int maxInternationalCalls,
        Optional<String> afterHoursRule) {
    private static final Pattern PREFIX = Pattern.compile("[0-9]{1,16}");
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /**
     * What applies until an administrator saves settings: national calls, the NANP and European
     * prefixes, no budgets. Declared after the patterns, which its construction checks with.
     */
    public static final FraudSettings DEFAULTS = new FraudSettings(OutboundClass.NATIONAL, List.of("011", "00"),
            List.of("1", "0"), List.of("1900", "1976", "900", "976"), 0, 0, 0, Optional.empty());

    public FraudSettings {
        Fields.check(defaultPermission != null, "default_permission", "is required");
        internationalPrefixes = prefixes(internationalPrefixes, "international_prefixes", 200);
        nationalPrefixes = prefixes(nationalPrefixes, "national_prefixes", 200);
        premiumPrefixes = prefixes(premiumPrefixes, "premium_prefixes", 1000);
        Fields.check(dailySpendMicros >= 0, "daily_budget", "must not be negative (0: no budget)");
        Fields.check(dailyMinutes >= 0, "daily_minutes", "must not be negative (0: no budget)");
        Fields.check(maxInternationalCalls >= 0, "max_international_calls", "must not be negative (0: no cap)");
        afterHoursRule = afterHoursRule == null ? Optional.empty() : afterHoursRule.map(String::strip).filter(s -> !s.isEmpty());
        Fields.check(afterHoursRule.map(r -> RULE.matcher(r).matches()).orElse(true), "after_hours_rule",
                "must be the name of a time rule");
    }

    static List<String> prefixes(List<String> prefixes, String field, int maxText) {
        List<String> list = List.copyOf(prefixes == null ? List.of() : prefixes).stream().map(String::strip).toList();
        Fields.check(list.stream().allMatch(p -> PREFIX.matcher(p).matches()), field, "must be 1-16 digits each");
        Fields.check(String.join(",", list).length() <= maxText, field, "are more than " + maxText + " characters");
        return list;
    }
}
