package org.switchboard.api.route;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.NewLcrRate;
import org.switchboard.store.route.TimeRate;

/**
 * Request body of {@code POST /api/lcr-rates} and {@code PUT /api/lcr-rates/{id}}: {@code rate} is
 * the price per minute in the currency unit (at most six decimals), {@code prefix} defaults to
 * every number, {@code time_rates} to none; a time rate names its {@code days} ({@code mon} ...
 * {@code sun}) and {@code from}/{@code until} as {@code HH:MM} ({@code 24:00} for midnight).
 */
public record LcrRateBody(String trunk, String prefix, BigDecimal rate, List<TimeRateBody> timeRates) {

    /** One time rate as sent. */
    public record TimeRateBody(List<String> days, String from, String until, BigDecimal rate) {}

    NewLcrRate toRate() {
        List<TimeRate> times = Optional.ofNullable(timeRates).orElse(List.of()).stream()
                .map(t -> new TimeRate(days(t.days(), "time_rates.days"), minute(t.from(), "time_rates.from"),
                        minute(t.until(), "time_rates.until"), micros(t.rate(), "time_rates.rate")))
                .toList();
        return new NewLcrRate(trunk, prefix, micros(rate, "rate"), times);
    }

    /** A price in the API (at most six decimals) as millionths; 400 on {@code field} when missing or finer. */
    public static long micros(BigDecimal value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        try {
            return value.movePointRight(6).longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException(field, "must have at most six decimals");
        }
    }

    /** {@code HH:MM} (24:00 for midnight) as minutes after midnight; 400 on {@code field} otherwise. */
    static int minute(String time, String field) {
        if (time == null || !time.matches("([01][0-9]|2[0-3]):[0-5][0-9]|24:00")) {
            throw new ValidationException(field, "must be a time of day HH:MM (24:00 for midnight)");
        }
        return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3));
    }

    /** Day names ({@code mon} ... {@code sun}); 400 on {@code field} for any other. */
    static Set<DayOfWeek> days(List<String> names, String field) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : Optional.ofNullable(names).orElse(List.of())) {
            days.add(EnumSet.allOf(DayOfWeek.class).stream().filter(d -> JdbiLcrRateStore.day(d).equals(name)).findFirst()
                    .orElseThrow(() -> new ValidationException(field, "must be mon, tue, wed, thu, fri, sat or sun")));
        }
        return days;
    }
}
