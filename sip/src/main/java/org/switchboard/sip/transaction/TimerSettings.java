package org.switchboard.sip.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * The RFC 3261 §17 timer base values: T1 (round-trip estimate), T2 (largest non-INVITE request
 * and INVITE response retransmit interval) and T4 (how long a message may stay in the network).
 * Every transaction timer A-K is derived from them. Immutable; any thread.
 */
public record TimerSettings(Duration t1, Duration t2, Duration t4) {
    /** RFC 3261 Table 4 defaults: T1 500 ms, T2 4 s, T4 5 s. */
    public static final TimerSettings DEFAULTS =
            new TimerSettings(Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(5));

    public TimerSettings {
        Objects.requireNonNull(t1, "t1");
        Objects.requireNonNull(t2, "t2");
        Objects.requireNonNull(t4, "t4");
        if (t1.isZero() || t1.isNegative() || t2.compareTo(t1) < 0 || t4.isNegative()) {
            throw new IllegalArgumentException("timers need 0 < T1 <= T2 and T4 >= 0: " + t1 + " " + t2 + " " + t4);
        }
    }

    /**
     * Timer B, F, H: 64*T1, how long a transaction waits before giving up. Asked once per
     * transaction, so in nanoseconds: {@link Duration#multipliedBy} goes through BigDecimal.
     */
    public Duration transactionTimeout() {
        return Duration.ofNanos(Math.multiplyExact(t1.toNanos(), 64));
    }

    /** Timer D on unreliable transports: at least 32 s (RFC 3261 §17.1.1.2). */
    public Duration timerD() {
        Duration d = Duration.ofSeconds(32);
        return d.compareTo(transactionTimeout()) > 0 ? d : transactionTimeout();
    }

    /** The next retransmit interval after {@code current}: doubled, capped at T2 (timers E, G). */
    public Duration backoff(Duration current) {
        Duration doubled = current.plus(current);
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }
}
