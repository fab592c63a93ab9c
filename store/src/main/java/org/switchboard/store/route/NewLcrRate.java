package org.switchboard.store.route;

import java.util.List;
import java.util.regex.Pattern;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * What a trunk charges per minute for numbers starting with {@code prefix} (the longest matching
 * prefix of a trunk wins; the empty prefix matches every number), with the time rates that replace
 * it at given times, the first covering one winning. Validates on construction ({@link
 * ValidationException} naming the field as the API spells it). Immutable.
 *
 * @param rateMicros the price per minute in millionths of the currency unit
 */
public record NewLcrRate(String trunk, String prefix, long rateMicros, List<TimeRate> timeRates) {
    private static final Pattern TRUNK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{0,32}");

    public NewLcrRate {
        trunk = Fields.required(trunk, "trunk");
        Fields.check(TRUNK.matcher(trunk).matches(), "trunk", "must be a trunk name");
        prefix = prefix == null ? "" : prefix.strip();
        Fields.check(PREFIX.matcher(prefix).matches(), "prefix", "must be 0-32 digits (empty for every number)");
        Fields.check(rateMicros >= 0, "rate", "must not be negative");
        timeRates = List.copyOf(timeRates);
        Fields.check(timeRates.size() <= 50, "time_rates", "are more than 50");
    }
}
