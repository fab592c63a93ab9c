package org.switchboard.store.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What emergency calling may ask of the database: its one settings row and the extensions'
 * locations. Blocking; call from a virtual thread or the HTTP and start-up threads, never a call
 * thread. Thread-safe.
 */
public interface EmergencyStore {
    /** The saved settings; empty until they are saved once. */
    Optional<StoredEmergencySettings> settings();

    /** Saves (creates or replaces) the settings; the first save's time stays {@code createdAt}. */
    StoredEmergencySettings saveSettings(EmergencySettings settings, Instant now);

    /** Every extension's location, by extension number. */
    List<EmergencyLocation> locations();

    /** The location of extension {@code extension}, if one is saved. */
    Optional<EmergencyLocation> location(String extension);

    /**
     * Saves (creates or replaces) the location of {@code extension}; a {@link
     * org.switchboard.store.db.ConflictException} on {@code extension} when no such extension exists.
     */
    EmergencyLocation saveLocation(String extension, CivicAddress civic, Instant now);

    /** Deletes the location of {@code extension}; {@link org.switchboard.store.db.NotFoundException} when none is saved. */
    void deleteLocation(String extension);
}
