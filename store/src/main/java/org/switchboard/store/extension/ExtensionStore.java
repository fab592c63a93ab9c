package org.switchboard.store.extension;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Extensions in the database, written through: each method is one transaction, committed when it
 * returns. Thread-safe; call from request, worker or virtual threads, never an event loop.
 * Every method may throw {@link UnavailableException} when the database cannot be reached.
 */
public interface ExtensionStore {

    /** Inserts the extension with {@code created_at = updated_at = now}; {@link ConflictException} on field "number" if taken. */
    Extension create(NewExtension extension, Instant now);

    /**
     * Replaces the fields of extension {@code id} (including its number) and sets {@code updated_at = now};
     * secrets not given in {@code extension} keep their stored values, decided inside the one UPDATE.
     * {@link NotFoundException} if absent, {@link ConflictException} on "number" if the new number is taken.
     */
    Extension update(long id, ExtensionUpdate extension, Instant now);

    /**
     * Replaces only the voicemail PIN hash of extension {@code id} and sets {@code updated_at = now}
     * (the voicemail menu changes the PIN without the rest of the settings); {@link NotFoundException} if absent.
     */
    Extension setVoicemailPinHash(long id, String pinHash, Instant now);

    Optional<Extension> findByNumber(String number);

    /** Every extension, ordered by number. */
    List<Extension> list();

    /** Deletes extension {@code id}; {@link NotFoundException} if absent. */
    void delete(long id);

    long count();
}
