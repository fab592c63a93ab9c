package org.switchboard.pbx.paging;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.paging.NewPagingZone;
import org.switchboard.store.paging.PagingZone;
import org.switchboard.store.paging.PagingZoneStore;

/**
 * The single entry point for paging zones (API, the {@code page} destination kind, calls): checks that members are
 * extensions, writes through, and keeps the zones in memory for the calls, which read {@link #find} on call
 * executors.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database published
 * through a volatile map that calls read without locking. The changing methods block: never call them on an event
 * loop or a call thread.
 */
public final class PagingService {
    private static final Logger log = LoggerFactory.getLogger(PagingService.class);

    private final PagingZoneStore store;
    private final ExtensionService extensions;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, PagingZone> zones = Map.of();

    public PagingService(PagingZoneStore store, ExtensionService extensions, Clock clock, EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.clock = clock;
        this.events = events;
    }

    /** Every zone, by name, from memory. */
    public List<PagingZone> list() {
        return zones.values().stream().sorted(Comparator.comparing(PagingZone::name)).toList();
    }

    /** The zone called {@code name}, from memory. */
    public Optional<PagingZone> find(String name) {
        return Optional.ofNullable(zones.get(name));
    }

    /** The zone called {@code name}; {@link NotFoundException} when there is none. */
    public PagingZone get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("paging zone", name));
    }

    public PagingZone create(NewPagingZone zone, String actor) {
        changes.lock();
        try {
            checkMembers(zone);
            PagingZone saved = store.create(zone, clock.instant());
            changed(saved.name(), Change.CREATED, actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Replaces zone {@code name}; a zone keeps its name (dial-plan rules name it). */
    public PagingZone update(String name, NewPagingZone zone, String actor) {
        if (!zone.name().equals(name)) {
            throw new ValidationException("name", "must be the zone's name in the URL: paging zones are not renamed");
        }
        changes.lock();
        try {
            get(name);
            checkMembers(zone);
            PagingZone saved = store.update(name, zone, clock.instant());
            changed(name, Change.UPDATED, actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    public void delete(String name, String actor) {
        changes.lock();
        try {
            get(name);
            store.delete(name);
            changed(name, Change.DELETED, actor);
        } finally {
            changes.unlock();
        }
    }

    /** Loads the zones from the database: at start, after each change, after an extension changed. */
    public void reloadCache() {
        changes.lock();
        try {
            zones = store.list().stream().collect(Collectors.toUnmodifiableMap(PagingZone::name, Function.identity()));
        } finally {
            changes.unlock();
        }
    }

    private void checkMembers(NewPagingZone zone) {
        for (int i = 0; i < zone.members().size(); i++) {
            if (extensions.find(zone.members().get(i)).isEmpty()) {
                throw new ValidationException("members[" + i + "]", "must be an existing extension");
            }
        }
    }

    private void changed(String name, Change change, String actor) {
        reloadCache();
        events.publish(new ConfigChanged(clock.instant(), "paging_zone", name, change));
        log.info("paging zone changed name={} change={} by={}", name, change, actor);
    }
}
