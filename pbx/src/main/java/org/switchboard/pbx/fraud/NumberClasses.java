package org.switchboard.pbx.fraud;

import java.util.List;
import org.switchboard.store.fraud.FraudSettings;
import org.switchboard.store.fraud.OutboundClass;

/**
 * The class of a number sent to a trunk, by the settings' prefixes: premium first (a premium
 * prefix such as {@code 1900} is longer than the national {@code 1} it starts with), then
 * international (a number in {@code +} form always is), then national; any other number is local.
 * Stateless.
 */
public final class NumberClasses {
    private NumberClasses() {}

    public static OutboundClass of(FraudSettings settings, String number) {
        if (startsWithAny(number, settings.premiumPrefixes())) {
            return OutboundClass.PREMIUM;
        }
        if (number.startsWith("+") || startsWithAny(number, settings.internationalPrefixes())) {
            return OutboundClass.INTERNATIONAL;
        }
        if (startsWithAny(number, settings.nationalPrefixes())) {
            return OutboundClass.NATIONAL;
        }
        return OutboundClass.LOCAL;
    }

    private static boolean startsWithAny(String number, List<String> prefixes) {
        return prefixes.stream().anyMatch(number::startsWith);
    }
}
