package org.switchboard.api.provisioning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down clients that guess MAC addresses under {@code /provision/}: MACs are easy to guess
 * within a vendor's OUI, so an address that gets {@code maxMisses} refusals within
 * {@code window} is answered 429 for {@code blockFor}. Thread-safe; any request thread. Memory
 * is bounded: past {@code maxTracked} addresses, stale entries are dropped first, then all.
 */
public final class ScanThrottle {
    private final int maxMisses;
    private final Duration window;
    private final Duration blockFor;
    private final int maxTracked;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> byAddress = new ConcurrentHashMap<>();

    /** Settings of the throttle; immutable. */
    public record Settings(int maxMisses, Duration window, Duration blockFor, int maxTracked) {
        public Settings {
            if (maxMisses < 1 || !window.isPositive() || !blockFor.isPositive() || maxTracked < 1) {
                throw new IllegalArgumentException("scan throttle settings must be positive");
            }
        }

        /** 10 refusals within 1 minute block the address for 5 minutes; 10,000 addresses tracked. */
        public static Settings defaults() {
            return new Settings(10, Duration.ofMinutes(1), Duration.ofMinutes(5), 10_000);
        }
    }

    public ScanThrottle(Settings settings, Clock clock) {
        this.maxMisses = settings.maxMisses();
        this.window = settings.window();
        this.blockFor = settings.blockFor();
        this.maxTracked = settings.maxTracked();
        this.clock = clock;
    }

    /** How long the address is still blocked, if it is. */
    public Optional<Duration> blockedFor(String address) {
        Entry e = byAddress.get(address);
        Instant now = clock.instant();
        if (e == null || e.blockedUntil == null || !now.isBefore(e.blockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, e.blockedUntil));
    }

    /** Counts one refusal for the address; true when this refusal started a block. */
    public boolean miss(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= maxTracked && !byAddress.containsKey(address)) {
            byAddress.values().removeIf(e -> e.isStale(now, window));
            if (byAddress.size() >= maxTracked) {
                byAddress.clear();
            }
        }
        boolean[] started = new boolean[1];
        byAddress.compute(address, (a, old) -> {
            Entry e = old == null || old.isStale(now, window) ? new Entry(now) : old;
            e.misses++;
            if (e.misses >= maxMisses && (e.blockedUntil == null || !now.isBefore(e.blockedUntil))) {
                e.blockedUntil = now.plus(blockFor);
                e.windowStart = e.blockedUntil;
                e.misses = 0;
                started[0] = true;
            }
            return e;
        });
        return started[0];
    }

    /** Mutable state of one address; only touched inside {@link ConcurrentHashMap#compute}. */
    private static final class Entry {
        Instant windowStart;
        int misses;
        Instant blockedUntil;

        Entry(Instant windowStart) {
            this.windowStart = windowStart;
        }

        boolean isStale(Instant now, Duration window) {
            boolean blocked = blockedUntil != null && now.isBefore(blockedUntil);
            return !blocked && !now.isBefore(windowStart.plus(window));
        }
    }
}
