package org.switchboard.pbx.registrar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The counter {@code switchboard_registrations_total{result}} (Micrometer name {@code
 * switchboard.registrations}), one series per {@link Result}. Thread-safe.
 */
final class RegistrarMetrics {

    /** How a REGISTER ended. */
    enum Result {
        OK, CHALLENGED, STALE, FORBIDDEN, INTERVAL_TOO_BRIEF, BAD_REQUEST, OUT_OF_ORDER, ERROR
    }

    private final Map<Result, Counter> counters = new EnumMap<>(Result.class);

    RegistrarMetrics(MeterRegistry registry) {
        for (Result r : Result.values()) {
            counters.put(r, Counter.builder("switchboard.registrations")
                    .description("REGISTER requests answered, by outcome")
                    .tag("result", r.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    void count(Result result) {
        counters.get(result).increment();
    }
}
