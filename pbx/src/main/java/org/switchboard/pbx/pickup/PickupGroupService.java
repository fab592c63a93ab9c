package org.switchboard.pbx.pickup;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
import org.switchboard.store.pickup.ExtensionPickupGroups;
import org.switchboard.store.pickup.PickupGroupStore;

/**
 * The extensions' pickup groups: saved to the database, with an in-memory copy the call path reads ({@link
 * #groupsOf}, {@link #membersOf}), reloaded after every committed change (and after an extension changes, since
 * deleting one takes it out of its groups).
 *
 * <p>Thread-safe: reloads are serialized by one lock and published through a volatile field; readers never lock.
 * Changes run on request and start-up threads (they touch the database).
 */
public final class PickupGroupService {
    private static final Logger log = LoggerFactory.getLogger(PickupGroupService.class);

    private final PickupGroupStore store;
    private final ExtensionService extensions;
    private final Clock clock;
    private final EventBus events;
    private final Lock reload = new ReentrantLock();
    private volatile Map<String, ExtensionPickupGroups> byExtension = Map.of();

    public PickupGroupService(PickupGroupStore store, ExtensionService extensions, Clock clock, EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.clock = clock;
        this.events = events;
    }

    /** Loads the groups from the database; at start, after every change and after an extension changed. */
    public void reloadCache() {
        reload.lock();
        try {
            byExtension = store.all().stream().collect(
                    Collectors.toUnmodifiableMap(ExtensionPickupGroups::extension, Function.identity()));
        } finally {
            reload.unlock();
        }
    }

    /** The groups {@code extension} is in (none: empty); memory only. */
    public List<String> groupsOf(String extension) {
        ExtensionPickupGroups groups = byExtension.get(extension);
        return groups == null ? List.of() : groups.groups();
    }

    /** Every extension in any of {@code groups}; memory only. */
    public Set<String> membersOf(List<String> groups) {
        return byExtension.values().stream().filter(e -> e.groups().stream().anyMatch(groups::contains))
                .map(ExtensionPickupGroups::extension).collect(Collectors.toUnmodifiableSet());
    }

    /** Every group with its members, by name, members sorted; memory only. */
    public Map<String, Set<String>> groups() {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (ExtensionPickupGroups member : byExtension.values()) {
            member.groups().forEach(g -> groups.computeIfAbsent(g, k -> new TreeSet<>()).add(member.extension()));
        }
        return groups;
    }

    /** Extension {@code number}'s groups; {@code NotFoundException} when there is no such extension. */
    public ExtensionPickupGroups settingsOf(String number) {
        extensions.get(number);
        return new ExtensionPickupGroups(number, groupsOf(number));
    }

    /** Replaces an extension's groups; {@code NotFoundException} when it does not exist. */
    public ExtensionPickupGroups save(ExtensionPickupGroups settings, String actor) {
        extensions.get(settings.extension());
        ExtensionPickupGroups saved = store.save(settings, clock.instant());
        reloadCache();
        events.publish(new ConfigChanged(clock.instant(), "pickup_groups", saved.extension(), Change.UPDATED));
        log.info("pickup groups saved extension={} groups={} by={}", saved.extension(), saved.groups(), actor);
        return saved;
    }
}
