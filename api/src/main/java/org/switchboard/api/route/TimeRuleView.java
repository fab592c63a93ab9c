package org.switchboard.api.route;

import java.util.List;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.TimeRule;

/** Response body of a time rule, in the form {@link TimeRuleBody} reads. */
public record TimeRuleView(String name, List<TimeRuleBody.HoursBody> hours, List<TimeRuleBody.HolidayBody> holidays,
        NewTimeRule.Branch open, NewTimeRule.Branch closed) {

    static TimeRuleView of(TimeRule rule) {
        NewTimeRule v = rule.values();
        return new TimeRuleView(v.name(),
                v.hours().stream().map(h -> new TimeRuleBody.HoursBody(h.days().stream().sorted().map(JdbiLcrRateStore::day).toList(),
                        LcrRateView.hhmm(h.startMinute()), LcrRateView.hhmm(h.endMinute()))).toList(),
                v.holidays().stream().map(h -> new TimeRuleBody.HolidayBody(h.date().toString(), h.name())).toList(),
                v.open(), v.closed());
    }
}
