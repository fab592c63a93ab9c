package org.switchboard.pbx.fraud;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.switchboard.pbx.route.LcrRateService;

/**
 * What an answered trunk call cost, by the LCR rate its trunk had in force for the number when it
 * was answered, billed per started minute (a 61-second call is two minutes, as carriers bill in
 * 60/60 increments). A trunk with no rate for the number costs nothing; its minutes still count.
 * Memory only; thread-safe.
 */
public final class CallPrice {
    private final LcrRateService rates;

    public CallPrice(LcrRateService rates) {
        this.rates = rates;
    }

    /** The minutes billed for {@code talk}: every started minute. */
    public static long minutes(Duration talk) {
        long millis = Math.max(0, talk.toMillis());
        return (millis + 59_999) / 60_000;
    }

    /** The price in millionths of the currency unit. */
    public long micros(String trunk, String number, ZonedDateTime answeredAt, Duration talk) {
        long rate = rates.inForce(trunk, number, answeredAt).map(LcrRateService.InForce::rateMicros).orElse(0L);
        return rate * minutes(talk);
    }
}
