package org.switchboard.store.route;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.Set;
import org.switchboard.store.db.Fields;

/**
 * Hours a {@link NewTimeRule} is open: on {@code days} from {@code startMinute} (inclusive) to
 * {@code endMinute} (exclusive), minutes after midnight in the server's time zone. Immutable.
 */
public record OpenHours(Set<DayOfWeek> days, int startMinute, int endMinute) {

    public OpenHours {
        Fields.check(days != null && !days.isEmpty(), "hours.days", "must name at least one day");
        days = Set.copyOf(EnumSet.copyOf(days));
        Fields.check(startMinute >= 0 && startMinute < 1440, "hours.from", "must be a time of day HH:MM");
        Fields.check(endMinute > startMinute && endMinute <= 1440, "hours.until",
                "must be a later time of day than from (24:00 for midnight)");
    }

    /** Whether these hours are open on {@code day} at {@code minute} after midnight. */
    public boolean covers(DayOfWeek day, int minute) {
        return days.contains(day) && minute >= startMinute && minute < endMinute;
    }
}
