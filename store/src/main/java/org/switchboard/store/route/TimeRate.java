package org.switchboard.store.route;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import org.switchboard.store.db.Fields;

/**
 * A rate that replaces its {@link NewLcrRate}'s on {@code days} from {@code startMinute} (inclusive)
 * to {@code endMinute} (exclusive), minutes after midnight in the server's time zone (evenings,
 * weekends). Immutable.
 *
 * @param rateMicros the price per minute in millionths of the currency unit
 */
public record TimeRate(Set<DayOfWeek> days, int startMinute, int endMinute, long rateMicros) {

    public TimeRate {
        Fields.check(days != null && !days.isEmpty(), "time_rates.days", "must name at least one day");
        days = Set.copyOf(EnumSet.copyOf(days));
        Fields.check(startMinute >= 0 && startMinute < 1440, "time_rates.from", "must be a time of day HH:MM");
        Fields.check(endMinute > startMinute && endMinute <= 1440, "time_rates.until",
                "must be a later time of day than from (24:00 for midnight)");
        Fields.check(rateMicros >= 0, "time_rates.rate", "must not be negative");
    }

    /** Whether this rate is in force on {@code day} at {@code minute} after midnight. */
    public boolean covers(DayOfWeek day, int minute) {
        return days.contains(day) && minute >= startMinute && minute < endMinute;
    }
}
