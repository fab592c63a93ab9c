package org.switchboard.store.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.switchboard.store.db.Database;

/** Writes a backup archive from one snapshot of the database; see {@link Backup#export}. Stateless. */
final class BackupExporter {
    private static final int FETCH_SIZE = 1000;

    private BackupExporter() {}

    static BackupManifest export(Database database, Path archive, Clock clock, BackupFiles files) {
        String schemaVersion = database.schemaVersion();
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        BackupManifest manifest = database.write(h -> {
            try (OutputStream file = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(file)) {
                Connection connection = h.getConnection();
                List<BackupManifest.TableEntry> entries = new ArrayList<>();
                for (TableCatalog.Table table : TableCatalog.read(connection).tables()) {
                    zip.putNextEntry(new ZipEntry("tables/" + table.name() + ".jsonl"));
                    long rows = writeRows(connection, table, zip);
                    zip.closeEntry();
                    entries.add(new BackupManifest.TableEntry(table.name(), rows, List.copyOf(table.columnTypes().keySet())));
                }
                // Inside the same transaction: on SQLite no row can come or go while the files are read.
                List<BackupManifest.FolderEntry> folders = files.write(zip);
                BackupManifest written = new BackupManifest(BackupManifest.FORMAT, schemaVersion,
                        database.engine().name().toLowerCase(Locale.ROOT), clock.instant(), entries, folders);
                zip.putNextEntry(new ZipEntry(Backup.MANIFEST));
                zip.write(Backup.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(written));
                zip.closeEntry();
                return written;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write backup " + archive, e);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the database for backup", e);
            }
        });
        try {
            // Only a complete archive gets the requested name.
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move backup into place at " + archive, e);
        }
        return manifest;
    }

    private static long writeRows(Connection connection, TableCatalog.Table table, OutputStream out)
            throws SQLException, IOException {
        String columns = String.join(", ", table.columnTypes().keySet().stream().map(c -> "\"" + c + "\"").toList());
        String sql = "SELECT " + columns + " FROM \"" + table.name() + "\" ORDER BY 1";
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                JsonGenerator json = Backup.JSON.getFactory().createGenerator(out);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                List<String> names = List.copyOf(table.columnTypes().keySet());
                while (rs.next()) {
                    json.writeStartObject();
                    for (int i = 0; i < names.size(); i++) {
                        json.writeFieldName(names.get(i));
                        writeValue(json, rs.getObject(i + 1));
                    }
                    json.writeEndObject();
                    json.writeRaw('\n');
                    rows++;
                }
                json.flush();
            }
        }
        return rows;
    }

    private static void writeValue(JsonGenerator json, Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case Boolean b -> json.writeBoolean(b);
            case Integer n -> json.writeNumber(n);
            case Long n -> json.writeNumber(n);
            case Short n -> json.writeNumber(n);
            case Double n -> json.writeNumber(n);
            case Float n -> json.writeNumber(n);
            case BigDecimal n -> json.writeNumber(n);
            case byte[] bytes -> json.writeBinary(bytes);
            default -> json.writeString(value.toString());
        }
    }
}
