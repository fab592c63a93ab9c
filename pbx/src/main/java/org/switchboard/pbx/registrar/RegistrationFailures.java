package org.switchboard.pbx.registrar;

import java.net.InetAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed REGISTER authentications counted per source address, for the fraud module and the
 * operator: a query for one address and a list of the worst sources. Bounded: at most {@code
 * capacity} addresses are tracked; when full, the address failing least recently is forgotten.
 * Thread-safe (called from every Call-ID executor).
 */
public final class RegistrationFailures {

    /** Failures seen from one address. Immutable. */
    public record SourceFailures(InetAddress source, long count, Instant firstAt, Instant lastAt) {}

    private final ConcurrentHashMap<InetAddress, SourceFailures> bySource = new ConcurrentHashMap<>();
    private final int capacity;
    private final InstantSource clock;

    public RegistrationFailures(int capacity, InstantSource clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Counts one failure from {@code source}. */
    void record(InetAddress source) {
        Instant now = clock.instant();
        if (bySource.size() >= capacity && !bySource.containsKey(source)) {
            bySource.values().stream().min(Comparator.comparing(SourceFailures::lastAt))
                    .ifPresent(oldest -> bySource.remove(oldest.source(), oldest));
        }
        bySource.merge(source, new SourceFailures(source, 1, now, now),
                (old, one) -> new SourceFailures(source, old.count() + 1, old.firstAt(), now));
    }

    /** The failures from one address, if any were seen (or it was not forgotten). */
    public Optional<SourceFailures> of(InetAddress source) {
        return Optional.ofNullable(bySource.get(source));
    }

    /** The {@code limit} addresses with the most failures, most first. */
    public List<SourceFailures> worst(int limit) {
        return bySource.values().stream()
                .sorted(Comparator.comparingLong(SourceFailures::count).reversed())
                .limit(limit)
                .toList();
    }
}
