package org.switchboard.store.moh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.UnavailableException;

/**
 * Music-on-hold classes and the rows of their files, written through: each method is one transaction,
 * committed when it returns. The audio files themselves are the service's (in the data directory).
 * Thread-safe; call from request, worker or virtual threads, never an event loop or a call thread. Every
 * method may throw {@link UnavailableException}.
 */
public interface MohStore {

    /** Creates a class; {@link ConflictException} on {@code name} when one has that name. */
    MohClass create(NewMohClass values, Instant now);

    /** Changes a class's description and order (the name stays); {@link NotFoundException} if absent. */
    MohClass update(NewMohClass values, Instant now);

    /**
     * Deletes a class and its file rows; {@link NotFoundException} if absent, {@link ConflictException}
     * on {@code name} while an extension's call settings name it.
     */
    void delete(String name);

    Optional<MohClass> find(String name);

    /** Every class, by name. */
    List<MohClass> list();

    /** The number of classes (for the seed). */
    int count();

    /**
     * Adds file {@code fileName} at the end of class {@code className}'s order, or replaces the one of that
     * name in place (keeping its position and {@code created_at}); {@link NotFoundException} for no such class.
     */
    MohFile saveFile(String className, String fileName, Duration duration, Instant now);

    /** Removes a file row; {@link NotFoundException} if the class has no such file. */
    void deleteFile(String className, String fileName);

    /** The files of a class in play order; {@link NotFoundException} for no such class. */
    List<MohFile> files(String className);

    /** The extension numbers whose call settings choose class {@code name}, in order. */
    List<String> extensionsUsing(String name);
}
