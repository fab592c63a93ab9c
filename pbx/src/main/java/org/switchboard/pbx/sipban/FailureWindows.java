package org.switchboard.pbx.sipban;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures counted per key (a source address, an extension) in a window that starts with the first
 * failure and ends {@code findTime} later. Bounded: at {@code capacity} keys, the tenth whose
 * windows started longest ago is forgotten in one pass, so a guesser rotating through many
 * addresses costs a sort per {@code capacity / 10} new keys, not memory. Thread-safe (every call
 * executor reports failures).
 */
final class FailureWindows<K> {
    private record Window(Instant startedAt, int count) {}

    private final ConcurrentHashMap<K, Window> windows = new ConcurrentHashMap<>();
    private final Duration findTime;
    private final int capacity;

    FailureWindows(Duration findTime, int capacity) {
        this.findTime = findTime;
        this.capacity = capacity;
    }

    /** Counts one failure for {@code key} at {@code now}; returns the failures in its current window. */
    int count(K key, Instant now) {
        if (windows.size() >= capacity && !windows.containsKey(key)) {
            windows.entrySet().stream()
                    .sorted(Comparator.comparing(e -> e.getValue().startedAt()))
                    .limit(Math.max(1, capacity / 10))
                    .toList()
                    .forEach(e -> windows.remove(e.getKey(), e.getValue()));
        }
        return windows.compute(key, (k, w) -> w == null || !now.isBefore(w.startedAt().plus(findTime))
                ? new Window(now, 1)
                : new Window(w.startedAt(), w.count() + 1)).count();
    }

    /** Starts {@code key} over (after a ban, so a lifted ban does not come straight back). */
    void forget(K key) {
        windows.remove(key);
    }
}
