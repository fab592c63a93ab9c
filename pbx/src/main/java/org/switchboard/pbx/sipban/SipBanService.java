package org.switchboard.pbx.sipban;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.sip.transport.BlockedSources;
import org.switchboard.store.sipban.NewSipBan;
import org.switchboard.store.sipban.SipBan;
import org.switchboard.store.sipban.SipBanStore;

/**
 * The SIP ban list: the one entry point for banning, lifting and listing, and the in-memory answer
 * to "is this source blocked?" that the transports ask for every message. Persisted bans come from
 * the database (read again every sync interval, so a ban made by another node on the same
 * PostgreSQL holds here within that interval); a ban made here holds in memory at once, before its
 * row is written on a virtual thread, so not one more guess gets through while the write runs.
 * Short hold-offs (the back-off before a ban) live in memory only.
 *
 * <p>Thread-safe: {@link #isBlocked} reads two maps without locking (event loops); reloads are
 * serialized by a lock; writes run on virtual threads or the caller's (API) thread.
 */
public final class SipBanService implements BlockedSources, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipBanService.class);
    static final String ENTITY = "sip_ban";

    private final SipBanStore store;
    private final EventBus events;
    private final Clock clock;
    private final ExecutorService io = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sipban-db-", 0).factory());
    private final Lock reload = new ReentrantLock();
    /** Bans read from the database: address to end. */
    private volatile Map<InetAddress, Instant> stored = Map.of();
    /** Bans and hold-offs decided on this node: address to end. */
    private final ConcurrentHashMap<InetAddress, Instant> local = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sync;

    public SipBanService(SipBanStore store, EventBus events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean isBlocked(InetAddress source) {
        if (stored.isEmpty() && local.isEmpty()) {
            return false; // the usual case: no map lookup, no clock read
        }
        Instant now = clock.instant();
        Instant until = stored.get(source);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        Instant held = local.get(source);
        return held != null && held.isAfter(now);
    }

    /** Bans {@code source} for {@code duration} now, and persists the ban on a virtual thread. */
    public void ban(InetAddress source, String reason, int failures, Duration duration) {
        Instant until = clock.instant().plus(duration);
        local.merge(source, until, (a, b) -> a.isAfter(b) ? a : b);
        log.warn("sip source banned source={} failures={} until={} reason={}", source.getHostAddress(), failures,
                until, reason);
        io.execute(() -> {
            try {
                store.ban(new NewSipBan(source, reason, failures, until), clock.instant());
                reloadCache();
                events.publish(new ConfigChanged(clock.instant(), ENTITY, source.getHostAddress(), Change.CREATED));
            } catch (RuntimeException e) {
                // The ban still holds in memory on this node; the next failure from it writes again.
                log.warn("sip ban not saved source={} reason={}", source.getHostAddress(), e.toString());
            }
        });
    }

    /** Drops every message from {@code source} for {@code duration}, on this node only, without a row. */
    public void holdOff(InetAddress source, Duration duration) {
        local.merge(source, clock.instant().plus(duration), (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Lifts the ban on {@code source}; {@code NotFoundException} when none holds. Blocking. */
    public void lift(InetAddress source, String actor) {
        store.lift(source, clock.instant());
        local.remove(source);
        reloadCache();
        events.publish(new ConfigChanged(clock.instant(), ENTITY, source.getHostAddress(), Change.DELETED));
        log.info("sip ban lifted source={} by={}", source.getHostAddress(), actor);
    }

    /** The bans that hold now, from the database, soonest ending first. Blocking. */
    public List<SipBan> list() {
        return store.active(clock.instant());
    }

    /** Bans held in memory now (stored and local, hold-offs included), for the metrics gauge. */
    public int blockedCount() {
        Instant now = clock.instant();
        return (int) Stream.concat(stored.entrySet().stream(), local.entrySet().stream())
                .filter(e -> e.getValue().isAfter(now))
                .map(Map.Entry::getKey)
                .distinct()
                .count();
    }

    /** Reads the bans that hold from the database (at start, after changes, every sync interval). Blocking. */
    public void reloadCache() {
        reload.lock();
        try {
            Instant now = clock.instant();
            stored = store.active(now).stream().collect(Collectors.toUnmodifiableMap(
                    b -> InetAddress.ofLiteral(b.address()), SipBan::expiresAt, (a, b) -> a.isAfter(b) ? a : b));
            local.values().removeIf(until -> !until.isAfter(now));
        } finally {
            reload.unlock();
        }
    }

    /**
     * Reads the ban list every {@code interval} on a virtual thread, purging ended rows, so bans
     * from other nodes hold here and lifted ones end.
     */
    public void startSync(ScheduledExecutorService housekeeping, Duration interval) {
        sync = housekeeping.scheduleWithFixedDelay(() -> io.execute(this::syncQuietly), interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void syncQuietly() {
        try {
            store.purgeExpired(clock.instant());
            reloadCache();
        } catch (RuntimeException e) {
            // Database down: keep the last list (bans keep holding) and try at the next tick.
            log.warn("sip ban list not read reason={}", e.toString());
        }
    }

    @Override
    public void close() {
        if (sync != null) {
            sync.cancel(false);
        }
        io.close();
    }
}
