package org.switchboard.sip.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A pike: counts requests per source address in fixed windows and says whether one more fits.
 * Bounded: when {@code capacity} sources are tracked, the ones whose window is over are forgotten
 * in one pass; if all are current (a flood from very many spoofed sources), a new source is refused
 * until one ends, so memory stays bounded and the sources already known keep their budget.
 * Called from every event loop, hence a concurrent map and per-entry atomic updates.
 */
final class SourceRateLimiter {
    private record Window(long startNanos, int count) {}

    private final ConcurrentHashMap<InetAddress, Window> windows = new ConcurrentHashMap<>();
    private final int limit;
    private final long windowNanos;
    private final int capacity;
    private final LongSupplier nanoTime;

    SourceRateLimiter(int limit, Duration window, int capacity, LongSupplier nanoTime) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /** Counts one request from {@code source}; false when the source is over its limit. */
    boolean admit(InetAddress source) {
        long now = nanoTime.getAsLong();
        if (windows.size() >= capacity && !windows.containsKey(source)) {
            windows.values().removeIf(w -> now - w.startNanos() >= windowNanos);
            if (windows.size() >= capacity) {
                return false;
            }
        }
        Window counted = windows.compute(source, (address, w) -> w == null || now - w.startNanos() >= windowNanos
                ? new Window(now, 1)
                : new Window(w.startNanos(), w.count() == Integer.MAX_VALUE ? w.count() : w.count() + 1));
        return counted.count() <= limit;
    }

    /** Sources tracked now. */
    int trackedSources() {
        return windows.size();
    }
}
