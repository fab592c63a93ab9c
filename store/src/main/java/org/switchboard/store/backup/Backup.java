package org.switchboard.store.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ValidationException;

/**
 * Backup and restore of every application table as a versioned, engine-neutral zip archive:
 * {@code manifest.json} ({@link BackupManifest}) plus {@code tables/<name>.jsonl}, one JSON
 * object per row, and {@code files/<folder>/...} for the data folders a feature keeps files in
 * ({@link BackupFiles}). An archive made on SQLite restores on PostgreSQL and back. Stateless; call
 * from a CLI or worker thread, never an event loop.
 */
public final class Backup {
    static final String MANIFEST = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Backup() {}

    /**
     * Writes every table of {@code database} to a new archive at {@code archive}, from one
     * consistent snapshot (on SQLite this holds the write lock while exporting). Returns the manifest written.
     */
    public static BackupManifest export(Database database, Path archive, Clock clock) {
        return BackupExporter.export(database, archive, clock, BackupFiles.NONE);
    }

    /**
     * {@link #export(Database, Path, Clock)} with the files of {@code files}' data folders (voicemail
     * audio) under {@code files/<folder>/}, read in the same transaction as the tables.
     */
    public static BackupManifest export(Database database, Path archive, Clock clock, BackupFiles files) {
        return BackupExporter.export(database, archive, clock, files);
    }

    /** {@link #export(Database, Path, Clock)} stamped with the system clock. */
    public static BackupManifest export(Database database, Path archive) {
        return export(database, archive, Clock.systemUTC());
    }

    /**
     * Imports {@code archive} into {@code database}, which must be migrated and empty, in one
     * transaction, parents before children; on PostgreSQL the identity sequences then continue
     * after the highest restored id. Throws {@link ConflictException} (field {@code database}) if
     * any table holds rows, {@link ValidationException} (field {@code archive}) if the archive is
     * unreadable, of another format, or from a newer schema than this database.
     */
    public static BackupManifest restore(Database database, Path archive) {
        return BackupRestorer.restore(database, archive, Optional.empty());
    }

    /**
     * {@link #restore(Database, Path)}, also extracting the archive's files under {@code dataDir}
     * before the rows that name them are imported. Without a data directory an archive holding files
     * is refused ({@link ValidationException} on {@code archive}), so audio is never dropped silently.
     */
    public static BackupManifest restore(Database database, Path archive, Path dataDir) {
        return BackupRestorer.restore(database, archive, Optional.of(dataDir));
    }
}
