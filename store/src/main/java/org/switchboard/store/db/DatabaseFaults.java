package org.switchboard.store.db;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is wrong with the database right now, if anything: unreachable, or its disk full. Fed by
 * {@link Database} with the outcome of every transaction; read by health checks and by the fail-fast
 * path of an outage. Logs one line when a cause begins and one when it ends, however many calls
 * fail meanwhile, so an outage under load is two log lines, not one stack trace per request.
 *
 * <p>A full disk ends only with a write that commits at least {@link #DISK_FULL_SETTLE} after the
 * last write it failed: on a full disk, writes that need no new page (an update in place, a
 * delete) still commit, and must not make it look recovered while others fail. A cause that comes
 * back within {@link #QUIET_AFTER_END} of ending neither logs again nor logs its end: flapping is
 * counted, not printed.
 *
 * <p>Thread-safe: changes are synchronized (short, never blocking on I/O); the fault in progress is a
 * volatile read, so the common case, no fault, costs every transaction one read.
 */
public final class DatabaseFaults {
    private static final Logger log = LoggerFactory.getLogger(DatabaseFaults.class);
    static final Duration QUIET_AFTER_END = Duration.ofSeconds(60);
    static final Duration DISK_FULL_SETTLE = Duration.ofSeconds(5);

    /** The kinds of fault, each with the sentence health checks and API errors show. */
    public enum Kind {
        /** No connection can be had, or connections break: PostgreSQL down, network cut. */
        UNREACHABLE("the database is unreachable"),
        /** The disk holding the database is full: writes fail, reads work. */
        DISK_FULL("the disk holding the database is full");

        private final String sentence;

        Kind(String sentence) {
            this.sentence = sentence;
        }

        /** The cause in words, e.g. "the disk holding the database is full". */
        public String sentence() {
            return sentence;
        }
    }

    /**
     * A fault in progress.
     *
     * @param detail the driver's words for the first failure, for operators
     * @param since  when the first failure of this cause was seen
     */
    public record Fault(Kind kind, String detail, Instant since) {
        /** What a health check says: the cause in words, with the driver's detail. */
        public String reason() {
            return kind.sentence() + " (" + detail + ")";
        }
    }

    private final InstantSource clock;
    private final Map<Kind, Instant> lastEnded = new EnumMap<>(Kind.class);
    private volatile Fault current;
    private boolean currentLogged;
    private long failedCalls;
    private Instant lastFailure;

    public DatabaseFaults(InstantSource clock) {
        this.clock = clock;
    }

    /** The fault in progress, if any. */
    public Optional<Fault> current() {
        return Optional.ofNullable(current);
    }

    /** Whether the database is known to be unreachable now (calls fail fast then). */
    public boolean unreachable() {
        Fault now = current;
        return now != null && now.kind() == Kind.UNREACHABLE;
    }

    /** A call failed with {@code kind}; returns whether this began a fault (the caller may start probing). */
    synchronized boolean failed(Kind kind, String detail) {
        Instant now = clock.instant();
        lastFailure = now;
        if (current != null && current.kind() == kind) {
            failedCalls++;
            return false;
        }
        current = new Fault(kind, detail, now);
        failedCalls = 1;
        Instant ended = lastEnded.get(kind);
        currentLogged = ended == null || Duration.between(ended, now).compareTo(QUIET_AFTER_END) >= 0;
        if (currentLogged) {
            log.warn("database fault began cause={} detail=\"{}\" (further failures of this cause are counted, not logged,"
                    + " until it ends)", kind.name().toLowerCase(Locale.ROOT), detail);
        }
        return true;
    }

    /**
     * A call succeeded. A full disk ends only with a write that committed ({@code wrote}) settled
     * after the last failure; an outage ends with any answer.
     */
    void succeeded(boolean wrote) {
        if (current != null) {
            end(wrote);
        }
    }

    private synchronized void end(boolean wrote) {
        Instant now = clock.instant();
        if (current == null || current.kind() == Kind.DISK_FULL
                && (!wrote || Duration.between(lastFailure, now).compareTo(DISK_FULL_SETTLE) < 0)) {
            return;
        }
        if (currentLogged) {
            log.info("database fault ended cause={} lasted_ms={} failed_calls={}",
                    current.kind().name().toLowerCase(Locale.ROOT),
                    Duration.between(current.since(), now).toMillis(), failedCalls);
        }
        lastEnded.put(current.kind(), now);
        current = null;
    }
}
