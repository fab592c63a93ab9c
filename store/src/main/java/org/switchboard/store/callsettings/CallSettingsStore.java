package org.switchboard.store.callsettings;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Per-extension call settings in the database, written through: each method is one transaction,
 * committed when it returns. Thread-safe; call from request, worker or virtual threads, never an
 * event loop. Every method may throw {@link UnavailableException} when the database cannot be reached.
 */
public interface CallSettingsStore {

    /**
     * Creates or replaces the settings of extension {@code extensionNumber} ({@code created_at}
     * kept on replace); {@link NotFoundException} if no such extension exists.
     */
    CallSettings save(String extensionNumber, NewCallSettings settings, Instant now);

    /** The saved settings of this extension; empty when it has none (it uses the defaults). */
    Optional<CallSettings> find(String extensionNumber);

    /** Every saved row, ordered by extension number. */
    List<CallSettings> list();

    /** Deletes the saved settings (back to the defaults); {@link NotFoundException} if there were none. */
    void delete(String extensionNumber);
}
