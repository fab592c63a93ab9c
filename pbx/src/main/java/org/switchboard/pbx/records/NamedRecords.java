package org.switchboard.pbx.records;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.store.db.NotFoundException;

/**
 * One kind of stored record keyed by a name (or a DID) as a service keeps it: an in-memory copy that calls read
 * without locking, and changes that write through to the store one at a time, each followed by a reload of the copy,
 * a {@link ConfigChanged} event and a log line. The service composing it keeps its own checks and API.
 *
 * <p>Thread-safe: changes and reloads are serialized by one lock and published through a volatile map. The
 * changing methods block (they touch the database): never call them on an event loop or a call thread.
 *
 * @param <R> the stored record
 */
public final class NamedRecords<R> {
    private static final Logger log = LoggerFactory.getLogger(NamedRecords.class);

    private final String label;
    private final String entity;
    private final Function<R, String> key;
    private final Supplier<List<R>> load;
    private final Runnable loadAlongside;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, R> byKey = Map.of();

    /**
     * @param label what a record is called in a {@link NotFoundException} and the log ({@code "ring group"})
     * @param entity the {@link ConfigChanged} entity ({@code "ring_group"})
     * @param key a record's key
     * @param load every record, from the store
     */
    public NamedRecords(String label, String entity, Function<R, String> key, Supplier<List<R>> load, Clock clock,
            EventBus events) {
        this(label, entity, key, load, () -> { }, clock, events);
    }

    /** As above, with {@code loadAlongside} run at each reload, for a service's other state read with the records. */
    public NamedRecords(String label, String entity, Function<R, String> key, Supplier<List<R>> load,
            Runnable loadAlongside, Clock clock, EventBus events) {
        this.label = label;
        this.entity = entity;
        this.key = key;
        this.load = load;
        this.loadAlongside = loadAlongside;
        this.clock = clock;
        this.events = events;
    }

    /** Every record, by key, from memory. */
    public List<R> list() {
        return byKey.values().stream().sorted(Comparator.comparing(key)).toList();
    }

    /** The record {@code key}, from memory. */
    public Optional<R> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The record {@code key}, from memory; {@link NotFoundException} when there is none. */
    public R get(String key) {
        return find(key).orElseThrow(() -> new NotFoundException(label, key));
    }

    /** The keys of every record, sorted, from memory. */
    public List<String> keys() {
        return byKey.keySet().stream().sorted().toList();
    }

    /**
     * Runs {@code write} (checks and the store's change of record {@code key}) under the lock, then reloads, publishes
     * and logs the change; returns what {@code write} returned. When {@code write} throws, nothing else happens.
     */
    public <T> T change(String key, Change change, String actor, Supplier<T> write) {
        changes.lock();
        try {
            T saved = write.get();
            reload();
            // under the lock, so that the events leave in the order of the changes
            events.publish(new ConfigChanged(clock.instant(), entity, key, change));
            log.info("{} {} key={} by={}", label, change.name().toLowerCase(Locale.ROOT), key, actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** {@link #change} for a deletion, which returns nothing. */
    public void remove(String key, String actor, Runnable write) {
        change(key, Change.DELETED, actor, () -> {
            write.run();
            return null;
        });
    }

    /** Runs {@code work} under the lock: a service's other change that must not interleave with these. */
    public <T> T locked(Supplier<T> work) {
        changes.lock();
        try {
            return work.get();
        } finally {
            changes.unlock();
        }
    }

    /** Loads the in-memory copy (and what is loaded alongside) from the store: at start, after each change. */
    public void reload() {
        changes.lock();
        try {
            byKey = load.get().stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
            loadAlongside.run();
        } finally {
            changes.unlock();
        }
    }
}
