package org.switchboard.pbx.registrar;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.RegistrationChanged;

/**
 * The live bindings of every extension, in memory, for call routing: {@link #lookup} is a lock-free
 * read of an immutable list. Changes come from the registrar after they were committed to the
 * database, from the expiry sweep, and from loading the table (start-up and the periodic merge
 * that shows a node what another node on the same PostgreSQL registered).
 *
 * <p>Thread-safe: each extension's list is replaced atomically ({@link ConcurrentHashMap#compute}),
 * so changes from several Call-ID executors to one extension never lose each other. Each change
 * from the registrar or the sweep is published as a {@link RegistrationChanged} (publishing never blocks).
 */
public final class LocationService {
    private static final Comparator<Binding> BY_CONTACT = Comparator.comparing(Binding::contactKey);

    private final ConcurrentHashMap<String, List<Binding>> byExtension = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final EventBus events;

    public LocationService(InstantSource clock, EventBus events) {
        this.clock = clock;
        this.events = events;
    }

    /** The extension's bindings that are live now (the phones to ring), ordered by contact. */
    public List<Binding> lookup(String extension) {
        return live(byExtension.getOrDefault(extension, List.of()), clock.instant());
    }

    /** Every live binding, ordered by extension then contact. */
    public List<Binding> all() {
        Instant now = clock.instant();
        List<Binding> out = new ArrayList<>();
        byExtension.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.addAll(live(e.getValue(), now)));
        return out;
    }

    /** The extension's bindings including ones expired but not yet swept; for the registrar's rules. */
    List<Binding> current(String extension) {
        return byExtension.getOrDefault(extension, List.of());
    }

    /** Puts {@code saved} (replacing bindings with the same contact) and drops {@code removedContacts}. */
    void apply(String extension, Collection<Binding> saved, Collection<String> removedContacts) {
        List<Binding> now = byExtension.compute(extension, (ext, old) -> {
            Map<String, Binding> next = index(old);
            removedContacts.forEach(next::remove);
            saved.forEach(b -> next.put(b.contactKey(), b));
            return sorted(next);
        });
        published(extension, now == null ? List.of() : now);
    }

    /** Drops every binding expired at {@code now}; returns how many. */
    int removeExpired(Instant now) {
        int[] removed = {0};
        for (String extension : byExtension.keySet()) {
            int before = removed[0];
            List<Binding> left = byExtension.computeIfPresent(extension, (ext, old) -> {
                List<Binding> kept = live(old, now);
                removed[0] += old.size() - kept.size();
                return kept.isEmpty() ? null : kept;
            });
            if (removed[0] != before) {
                published(extension, left == null ? List.of() : left);
            }
        }
        return removed[0];
    }

    /**
     * Merges bindings read from the table: one unknown here is added, one known here is replaced
     * when the row was changed later than the copy in memory. Bindings removed by another node stay
     * here until they expire.
     */
    void merge(Collection<Binding> stored) {
        Map<String, List<Binding>> grouped = new LinkedHashMap<>();
        stored.forEach(b -> grouped.computeIfAbsent(b.extension(), k -> new ArrayList<>()).add(b));
        grouped.forEach((extension, rows) -> byExtension.compute(extension, (ext, old) -> {
            Map<String, Binding> next = index(old);
            for (Binding row : rows) {
                Binding mine = next.get(row.contactKey());
                if (mine == null || row.updatedAt().isAfter(mine.updatedAt())) {
                    next.put(row.contactKey(), row);
                }
            }
            return sorted(next);
        }));
    }

    private void published(String extension, List<Binding> bindings) {
        Instant now = clock.instant();
        events.publish(new RegistrationChanged(now, extension, live(bindings, now).size()));
    }

    private static Map<String, Binding> index(List<Binding> bindings) {
        Map<String, Binding> map = new LinkedHashMap<>();
        if (bindings != null) {
            bindings.forEach(b -> map.put(b.contactKey(), b));
        }
        return map;
    }

    private static List<Binding> sorted(Map<String, Binding> bindings) {
        return bindings.isEmpty() ? null : bindings.values().stream().sorted(BY_CONTACT).toList();
    }

    /** The live ones of an immutable list: the list itself when none expired, as on nearly every lookup. */
    private static List<Binding> live(List<Binding> bindings, Instant now) {
        for (Binding b : bindings) {
            if (b.isExpiredAt(now)) {
                return bindings.stream().filter(x -> !x.isExpiredAt(now)).toList();
            }
        }
        return bindings;
    }
}
