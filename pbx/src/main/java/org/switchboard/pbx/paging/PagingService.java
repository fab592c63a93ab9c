package org.switchboard.pbx.paging;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemberExtensions;
import org.switchboard.pbx.records.NamedRecords;
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
    private final PagingZoneStore store;
    private final ExtensionService extensions;
    private final Clock clock;
    private final NamedRecords<PagingZone> zones;

    public PagingService(PagingZoneStore store, ExtensionService extensions, Clock clock, EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.clock = clock;
        this.zones = new NamedRecords<>("paging zone", "paging_zone", PagingZone::name, store::list, clock, events);
    }

    /** Every zone, by name, from memory. */
    public List<PagingZone> list() {
        return zones.list();
    }

    /** The zone called {@code name}, from memory. */
    public Optional<PagingZone> find(String name) {
        return zones.find(name);
    }

    /** The zone called {@code name}; {@link NotFoundException} when there is none. */
    public PagingZone get(String name) {
        return zones.get(name);
    }

    public PagingZone create(NewPagingZone zone, String actor) {
        return zones.change(zone.name(), Change.CREATED, actor, () -> {
            MemberExtensions.check(extensions, zone.members());
            return store.create(zone, clock.instant());
        });
    }

    /** Replaces zone {@code name}; a zone keeps its name (dial-plan rules name it). */
    public PagingZone update(String name, NewPagingZone zone, String actor) {
        if (!zone.name().equals(name)) {
            throw new ValidationException("name", "must be the zone's name in the URL: paging zones are not renamed");
        }
        return zones.change(name, Change.UPDATED, actor, () -> {
            get(name);
            MemberExtensions.check(extensions, zone.members());
            return store.update(name, zone, clock.instant());
        });
    }

    public void delete(String name, String actor) {
        zones.remove(name, actor, () -> {
            get(name);
            store.delete(name);
        });
    }

    /** Loads the zones from the database: at start, after each change, after an extension changed. */
    public void reloadCache() {
        zones.reload();
    }
}
