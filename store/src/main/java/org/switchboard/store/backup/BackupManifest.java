package org.switchboard.store.backup;

import java.time.Instant;
import java.util.List;

/**
 * The {@code manifest.json} of a backup archive: archive format, the schema version (last
 * Flyway migration) of the exported database, the engine it came from, and each table in
 * foreign-key order with its row count and columns, then the data-directory folders whose files
 * it carries ({@link BackupFiles}; none in archives made before voicemail, read as empty).
 * Immutable; any thread.
 */
public record BackupManifest(int format, String schemaVersion, String engine, Instant exportedAt, List<TableEntry> tables,
        List<FolderEntry> files) {

    /** The only archive format this code writes and reads. */
    public static final int FORMAT = 1;

    public BackupManifest {
        tables = List.copyOf(tables);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One table of the archive, stored as {@code tables/<name>.jsonl}, one JSON object per row. */
    public record TableEntry(String name, long rows, List<String> columns) {
        public TableEntry {
            columns = List.copyOf(columns);
        }
    }

    /** One data-directory folder of the archive, its files stored under {@code files/<name>/}. */
    public record FolderEntry(String name, long files, long bytes) {}
}
