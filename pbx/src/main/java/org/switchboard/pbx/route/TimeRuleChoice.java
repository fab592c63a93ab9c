package org.switchboard.pbx.route;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.store.route.Holiday;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.NewTimeRule.Branch;

/**
 * Which branch of a time rule applies at one moment, and why in words: closed on a holiday, open
 * within any of its hours, closed otherwise. Immutable.
 *
 * @param open whether the open branch applies
 * @param destination where the call goes
 * @param why the reason, with the local time it was judged at
 */
public record TimeRuleChoice(boolean open, Destination destination, String why) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm VV", Locale.ROOT);

    /** The choice of {@code rule} at {@code now}, read in {@code now}'s zone. */
    public static TimeRuleChoice of(NewTimeRule rule, ZonedDateTime now) {
        String when = WHEN.format(now);
        LocalDate today = now.toLocalDate();
        var holiday = rule.holidays().stream().filter(h -> h.date().equals(today)).findFirst();
        if (holiday.isPresent()) {
            return closed(rule, "closed (" + when + " is holiday " + name(holiday.get()) + ")");
        }
        int minute = now.getHour() * 60 + now.getMinute();
        if (rule.hours().stream().anyMatch(h -> h.covers(now.getDayOfWeek(), minute))) {
            return new TimeRuleChoice(true, destination(rule.open()), "open (" + when + ")");
        }
        return closed(rule, "closed (" + when + " is outside the hours)");
    }

    private static TimeRuleChoice closed(NewTimeRule rule, String why) {
        return new TimeRuleChoice(false, destination(rule.closed()), why);
    }

    private static Destination destination(Branch branch) {
        return new Destination(branch.action(), branch.target());
    }

    private static String name(Holiday holiday) {
        return holiday.name().isEmpty() ? holiday.date().toString() : holiday.name();
    }
}
