package org.switchboard.pbx.emergency;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
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
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.emergency.CivicAddress;
import org.switchboard.store.emergency.EmergencyLocation;
import org.switchboard.store.emergency.EmergencySettings;
import org.switchboard.store.emergency.EmergencyStore;
import org.switchboard.store.emergency.StoredEmergencySettings;

/**
 * The single entry point for emergency calling's settings and the extensions' locations (API,
 * call path): checks and writes them through the store and keeps them in memory, reloaded from
 * the database after every committed change, so the call path reads them without SQL.
 *
 * <p>Thread-safe: changes are serialized by one lock; the call path reads volatile immutable
 * snapshots. The writing methods block on the database: never call them on a call thread.
 */
public final class EmergencyService {
    private static final Logger log = LoggerFactory.getLogger(EmergencyService.class);

    private final EmergencyStore store;
    private final ExtensionService extensions;
    private final TrunkService trunks;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile EmergencySettings settings = EmergencySettings.UNSET;
    private volatile Map<String, EmergencyLocation> locations = Map.of();

    public EmergencyService(EmergencyStore store, ExtensionService extensions, TrunkService trunks, Clock clock,
            EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.trunks = trunks;
        this.clock = clock;
        this.events = events;
    }

    /** The settings in force, from memory: {@link EmergencySettings#UNSET} until saved once. */
    public EmergencySettings settings() {
        return settings;
    }

    /**
     * Replaces the settings; {@link ValidationException} on {@code trunks} (none, or one that does
     * not exist), {@code numbers} (an extension's number) and {@code notify.extension} (no such
     * extension).
     */
    public EmergencySettings saveSettings(EmergencySettings next, String actor) {
        if (next.trunks().isEmpty()) {
            throw new ValidationException("trunks", "must name at least one trunk: emergency calls need a way out");
        }
        next.trunks().stream().filter(t -> trunks.find(t).isEmpty()).findFirst().ifPresent(t -> {
            throw new ValidationException("trunks", "no trunk named '" + t + "'");
        });
        next.numbers().stream().filter(n -> extensions.find(n).isPresent()).findFirst().ifPresent(n -> {
            throw new ValidationException("numbers", n + " is an extension's number: dialling it would never ring it");
        });
        next.notifyExtension().filter(e -> extensions.find(e).isEmpty()).ifPresent(e -> {
            throw new ValidationException("notify.extension", "no extension " + e);
        });
        changes.lock();
        try {
            store.saveSettings(next, clock.instant());
            reload();
        } finally {
            changes.unlock();
        }
        events.publish(new ConfigChanged(clock.instant(), "emergency", "settings", Change.UPDATED));
        log.info("emergency settings saved numbers={} trunks={} by={}", next.numbers(), next.trunks(), actor);
        return settings;
    }

    /** Every extension's location, from memory, by extension number. */
    public List<EmergencyLocation> locations() {
        return locations.values().stream().sorted(Comparator.comparing(EmergencyLocation::extension)).toList();
    }

    /** The location of extension {@code extension}, from memory (the call path asks here). */
    public Optional<CivicAddress> location(String extension) {
        return Optional.ofNullable(locations.get(extension)).map(EmergencyLocation::civic);
    }

    /** The stored location of {@code extension}; {@link NotFoundException} for an unknown extension or no location. */
    public EmergencyLocation get(String extension) {
        known(extension);
        return Optional.ofNullable(locations.get(extension))
                .orElseThrow(() -> new NotFoundException("emergency location", extension));
    }

    /** Saves the location of {@code extension}; {@link NotFoundException} for an unknown extension. */
    public EmergencyLocation saveLocation(String extension, CivicAddress civic, String actor) {
        known(extension);
        return change(extension, Change.UPDATED, actor, () -> store.saveLocation(extension, civic, clock.instant()));
    }

    /** Deletes the location of {@code extension}; {@link NotFoundException} when it has none. */
    public void deleteLocation(String extension, String actor) {
        known(extension);
        change(extension, Change.DELETED, actor, () -> {
            store.deleteLocation(extension);
            return null;
        });
    }

    /** Loads the in-memory copy from the database (at start, and after an extension is deleted). */
    public void reloadCache() {
        changes.lock();
        try {
            reload();
        } finally {
            changes.unlock();
        }
    }

    private void reload() {
        settings = store.settings().map(StoredEmergencySettings::values).orElse(EmergencySettings.UNSET);
        locations = store.locations().stream()
                .collect(Collectors.toUnmodifiableMap(EmergencyLocation::extension, Function.identity()));
    }

    private void known(String extension) {
        if (extensions.find(extension).isEmpty()) {
            throw new NotFoundException("extension", extension);
        }
    }

    private <T> T change(String extension, Change change, String actor, Supplier<T> write) {
        T result;
        changes.lock();
        try {
            result = write.get();
            reload();
        } finally {
            changes.unlock();
        }
        events.publish(new ConfigChanged(clock.instant(), "emergency_location", extension, change));
        log.info("emergency location {} extension={} by={}", change == Change.DELETED ? "deleted" : "saved", extension,
                actor);
        return result;
    }
}
