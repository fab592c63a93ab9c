package org.switchboard.store.backup;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.Engine;
import org.switchboard.store.db.ValidationException;

/** Imports a backup archive into an empty database in one transaction; see {@link Backup#restore}. Stateless. */
final class BackupRestorer {
    private static final Logger log = LoggerFactory.getLogger(BackupRestorer.class);
    private static final int BATCH = 500;

    private BackupRestorer() {}

    static BackupManifest restore(Database database, Path archive, Optional<Path> dataDir) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            BackupManifest manifest = readManifest(zip);
            checkSchema(manifest, database.schemaVersion());
            if (!manifest.files().isEmpty() && dataDir.isEmpty()) {
                throw new ValidationException("archive", "holds files of " + manifest.files().stream()
                        .map(BackupManifest.FolderEntry::name).toList() + "; restore it with a data directory");
            }
            database.execute(h -> {
                try {
                    restoreAll(h, database.engine(), zip, manifest, dataDir);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot restore backup " + archive + ": " + e.getMessage(), e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            log.info("backup restored archive={} schema_version={} from_engine={} tables={}", archive,
                    manifest.schemaVersion(), manifest.engine(), manifest.tables().size());
            return manifest;
        } catch (ZipException e) {
            throw new ValidationException("archive", "is not a backup archive: " + e.getMessage());
        } catch (IOException e) {
            throw new ValidationException("archive", "cannot be read: " + e.getMessage());
        }
    }

    private static BackupManifest readManifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(Backup.MANIFEST);
        if (entry == null) {
            throw new ValidationException("archive", "has no " + Backup.MANIFEST + ": not a Switchboard backup");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = Backup.JSON.readValue(in, BackupManifest.class);
        } catch (JacksonException e) {
            throw new ValidationException("archive", "has an unreadable manifest: " + e.getOriginalMessage());
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new ValidationException("archive", "has format " + manifest.format() + "; this version reads format "
                    + BackupManifest.FORMAT);
        }
        return manifest;
    }

    private static void checkSchema(BackupManifest manifest, String current) {
        if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(MigrationVersion.fromVersion(current)) > 0) {
            throw new ValidationException("archive", "was made by a newer Switchboard (schema " + manifest.schemaVersion()
                    + ", this database has " + current + "); upgrade before restoring");
        }
    }

    private static void restoreAll(Handle h, Engine engine, ZipFile zip, BackupManifest manifest, Optional<Path> dataDir)
            throws SQLException, IOException {
        Connection connection = h.getConnection();
        TableCatalog catalog = TableCatalog.read(connection);
        refuseNonEmpty(connection, catalog);
        // Files before rows: a failed import leaves files no row names (removed by their
        // feature's start-up sweep), never a row naming a missing file.
        if (dataDir.isPresent()) {
            long files = BackupFiles.extract(zip, manifest, dataDir.get());
            log.info("backup files restored count={} folders={}", files, manifest.files().size());
        }
        Map<String, BackupManifest.TableEntry> byName = manifest.tables().stream()
                .collect(Collectors.toMap(BackupManifest.TableEntry::name, t -> t));
        for (String name : byName.keySet()) {
            if (!catalog.has(name)) {
                throw new ValidationException("archive", "holds table " + name + " that this database does not have");
            }
        }
        for (TableCatalog.Table table : catalog.tables()) {
            BackupManifest.TableEntry entry = byName.get(table.name());
            if (entry != null) {
                long rows = insertRows(connection, table, entry, zip);
                if (rows != entry.rows()) {
                    throw new ValidationException("archive", "table " + table.name() + " holds " + rows
                            + " rows, the manifest says " + entry.rows());
                }
                if (engine == Engine.POSTGRESQL) {
                    resetIdentity(connection, table);
                }
            }
        }
    }

    private static void refuseNonEmpty(Connection connection, TableCatalog catalog) throws SQLException {
        for (TableCatalog.Table table : catalog.tables()) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM \"" + table.name() + "\" LIMIT 1")) {
                if (rs.next()) {
                    throw new ConflictException("database", "restore needs an empty database, but table " + table.name()
                            + " holds rows");
                }
            }
        }
    }

    private static long insertRows(Connection connection, TableCatalog.Table table, BackupManifest.TableEntry entry, ZipFile zip)
            throws SQLException, IOException {
        List<String> columns = entry.columns();
        for (String column : columns) {
            if (!table.columnTypes().containsKey(column)) {
                throw new ValidationException("archive", "table " + table.name() + " has column " + column
                        + " that this database does not have");
            }
        }
        ZipEntry data = zip.getEntry("tables/" + table.name() + ".jsonl");
        if (data == null) {
            throw new ValidationException("archive", "lacks the rows of table " + table.name());
        }
        String sql = "INSERT INTO \"" + table.name() + "\" (" + String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(data), StandardCharsets.UTF_8));
                PreparedStatement insert = connection.prepareStatement(sql)) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = Backup.JSON.readTree(line);
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, table.columnTypes().get(columns.get(i)), row.get(columns.get(i)));
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    /** Binds a JSON value by the target column's type: engines differ (SQLite booleans are 0/1 integers). */
    private static void bind(PreparedStatement insert, int index, int sqlType, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setNull(index, sqlType);
            return;
        }
        switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(index, value.isBoolean() ? value.booleanValue() : value.asLong() != 0);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setLong(index, value.asLong());
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> insert.setBigDecimal(index, value.decimalValue());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    insert.setBytes(index, Base64.getDecoder().decode(value.asText()));
            default -> insert.setString(index, value.asText());
        }
    }

    private static void resetIdentity(Connection connection, TableCatalog.Table table) throws SQLException {
        if (!table.columnTypes().containsKey("id")) {
            return;
        }
        String sequence;
        try (PreparedStatement find = connection.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
            find.setString(1, "\"" + table.name() + "\"");
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                sequence = rs.getString(1);
            }
        }
        if (sequence != null) {
            try (PreparedStatement set = connection.prepareStatement(
                    "SELECT setval(?::regclass, (SELECT COALESCE(MAX(id), 0) + 1 FROM \"" + table.name() + "\"), false)")) {
                set.setString(1, sequence);
                set.execute();
            }
        }
    }
}
