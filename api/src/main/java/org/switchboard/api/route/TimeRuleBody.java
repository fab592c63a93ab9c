package org.switchboard.api.route;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.Holiday;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.OpenHours;

/**
 * Request body of {@code POST /api/time-rules} and {@code PUT /api/time-rules/{name}}: {@code
 * hours} as {@code [{"days":["mon",...],"from":"09:00","until":"17:00"}]} (days and times as the
 * LCR time rates spell them), {@code holidays} as {@code [{"date":"2026-12-25","name":"Christmas"}]},
 * {@code open} and {@code closed} each {@code {"action":...,"target":...}}.
 */
public record TimeRuleBody(String name, List<HoursBody> hours, List<HolidayBody> holidays, NewTimeRule.Branch open,
        NewTimeRule.Branch closed) {

    /** Open hours: days, from, until. */
    public record HoursBody(List<String> days, String from, String until) {}

    /** A date closed all day, and its name. */
    public record HolidayBody(String date, String name) {}

    /** The rule to store for {@code urlName} (the URL's name on an update, when the body names none). */
    NewTimeRule toRule(String urlName) {
        List<OpenHours> open = Optional.ofNullable(hours).orElse(List.of()).stream()
                .map(h -> new OpenHours(LcrRateBody.days(h.days(), "hours.days"), LcrRateBody.minute(h.from(), "hours.from"),
                        LcrRateBody.minute(h.until(), "hours.until")))
                .toList();
        List<Holiday> closedOn = Optional.ofNullable(holidays).orElse(List.of()).stream()
                .map(h -> new Holiday(date(h.date()), h.name()))
                .toList();
        return new NewTimeRule(name == null ? urlName : name, open, closedOn, open(), closed());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(Optional.ofNullable(text).orElse(""));
        } catch (DateTimeParseException e) {
            throw new ValidationException("holidays.date", "must be a date yyyy-mm-dd");
        }
    }
}
