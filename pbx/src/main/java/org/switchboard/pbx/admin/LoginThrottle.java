package org.switchboard.pbx.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed admin logins per username and per client address in a sliding window and says
 * when a key must wait. In memory only: a restart forgets the counts, which is acceptable for a
 * brake on password guessing. Thread-safe: every method holds the instance lock briefly (no I/O
 * inside), so any HTTP handler thread may call it.
 */
public final class LoginThrottle {
    /** Bound on remembered keys so a flood of distinct usernames cannot grow memory without limit. */
    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(int maxFailures, Duration window, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("maxFailures must be >= 1 and window positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must still wait, if either the username or the address is over the limit. */
    public synchronized Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(userKey(username), now), waitFor(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Records one failed attempt against both the username and the address; returns true when this
     * failure is the one that reached the limit (so the caller can warn once, not on every try).
     */
    public synchronized boolean recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(d -> isExpired(d, now));
            if (failures.size() >= MAX_KEYS) {
                // Still full of live keys: forget the oldest state rather than refuse to count.
                failures.clear();
            }
        }
        boolean userBlocked = add(userKey(username), now);
        boolean addressBlocked = add(addressKey(address), now);
        return userBlocked || addressBlocked;
    }

    /** A successful login clears the history of that username and address. */
    public synchronized void recordSuccess(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
    }

    /** Adds a failure; true when the key has just reached the limit. */
    private boolean add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(times, now);
        times.addLast(now);
        while (times.size() > maxFailures) {
            times.removeFirst();
        }
        return times.size() == maxFailures;
    }

    private Duration waitFor(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        prune(times, now);
        if (times.size() < maxFailures) {
            return Duration.ZERO;
        }
        // The oldest counted failure leaves the window first; until then the key is blocked.
        return Duration.between(now, times.peekFirst().plus(window));
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private boolean isExpired(Deque<Instant> times, Instant now) {
        prune(times, now);
        return times.isEmpty();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "u:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
