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
 * Counts failed admin logins in a sliding window per (username, client address), per address and
 * per username, and says what a new attempt must do. The pair and the address are blocked at the
 * limit: a guesser is stopped at its own address. The username alone is never blocked, only slowed
 * down: blocking it would let anyone lock the real administrator out from anywhere with a few wrong
 * passwords, while the right password from an address that has not failed must keep working.
 *
 * <p>In memory only: a restart forgets the counts, which is acceptable for a brake on password
 * guessing. Thread-safe: every method holds the instance lock briefly (no I/O inside), so any HTTP
 * handler thread may call it.
 */
public final class LoginThrottle {
    /** Bound on remembered keys so a flood of distinct usernames cannot grow memory without limit. */
    private static final int MAX_KEYS = 100_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration slowdown;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    /**
     * @param maxFailures failures within {@code window} that block a (username, address) pair or an
     *     address, and that make every further attempt for the username wait {@code slowdown}
     */
    public LoginThrottle(int maxFailures, Duration window, Duration slowdown, Clock clock) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || slowdown.isNegative()) {
            throw new IllegalArgumentException("maxFailures must be >= 1, window positive and slowdown not negative");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.slowdown = slowdown;
        this.clock = clock;
    }

    /** How long the caller must still wait, if this username from this address, or this address, is over the limit. */
    public synchronized Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor(pairKey(username, address), now), waitFor(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * How long an attempt for {@code username} is held before its password is checked: the
     * slowdown while the username has reached the limit from any addresses together, otherwise zero.
     */
    public synchronized Duration slowdownFor(String username) {
        return waitFor(userKey(username), clock.instant()).isZero() ? Duration.ZERO : slowdown;
    }

    /**
     * Records one failed attempt against the pair, the address and the username; returns true when
     * this failure is the one that blocked the pair or the address (so the caller can warn once, not
     * on every try).
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
        add(userKey(username), now);
        boolean pairBlocked = add(pairKey(username, address), now);
        boolean addressBlocked = add(addressKey(address), now);
        return pairBlocked || addressBlocked;
    }

    /** A successful login clears the history of that username and address. */
    public synchronized void recordSuccess(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(pairKey(username, address));
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
        // The oldest counted failure leaves the window first; until then the key is over the limit.
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

    private static String pairKey(String username, String address) {
        // The address cannot hold a newline (it is an IP literal), so the pair cannot be forged.
        return "p:" + address + "\n" + username.toLowerCase(Locale.ROOT);
    }
}
