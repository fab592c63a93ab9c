package org.switchboard.api.route;

import java.math.BigDecimal;
import java.util.List;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.LcrRate;
import org.switchboard.store.route.TimeRate;

/** Response body of a rate; prices per minute in the currency unit. */
public record LcrRateView(long id, String trunk, String prefix, BigDecimal rate, List<TimeRateView> timeRates) {

    /** One time rate. */
    public record TimeRateView(List<String> days, String from, String until, BigDecimal rate) {}

    static LcrRateView of(LcrRate rate) {
        return new LcrRateView(rate.id(), rate.values().trunk(), rate.values().prefix(), price(rate.values().rateMicros()),
                rate.values().timeRates().stream().map(LcrRateView::view).toList());
    }

    private static TimeRateView view(TimeRate t) {
        return new TimeRateView(t.days().stream().sorted().map(JdbiLcrRateStore::day).toList(), hhmm(t.startMinute()),
                hhmm(t.endMinute()), price(t.rateMicros()));
    }

    private static BigDecimal price(long micros) {
        BigDecimal price = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return price.scale() < 0 ? price.setScale(0) : price; // 10, not 1E+1
    }

    /** Minutes after midnight as {@code HH:MM}. */
    static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
