package org.switchboard.store.moh;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link MohStore} on the shared {@link Database}; the only SQL for {@code moh_classes} and {@code moh_files}. Thread-safe. */
public final class JdbiMohStore implements MohStore {
    private static final String CLASS_COLUMNS = "id, name, description, play_order, created_at, updated_at";
    private static final RowMapper<MohClass> CLASS = (rs, ctx) -> new MohClass(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("description"),
            PlayOrder.of(rs.getString("play_order"), "play_order"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    private static final String FILE_COLUMNS = "c.name AS class_name, f.file_name, f.position, f.duration_ms, "
            + "f.created_at, f.updated_at";
    private static final RowMapper<MohFile> FILE = (rs, ctx) -> new MohFile(
            rs.getString("class_name"),
            rs.getString("file_name"),
            rs.getInt("position"),
            Duration.ofMillis(rs.getLong("duration_ms")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiMohStore(Database database) {
        this.database = database;
    }

    @Override
    public MohClass create(NewMohClass values, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO moh_classes (name, description, play_order, created_at, updated_at)
                        VALUES (:name, :description, :order, :now, :now)
                        RETURNING\s""" + CLASS_COLUMNS)
                .bind("name", values.name())
                .bind("description", values.description())
                .bind("order", values.order().key())
                .bind("now", now)
                .map(CLASS)
                .one());
    }

    @Override
    public MohClass update(NewMohClass values, Instant now) {
        return database.write(h -> h.createQuery("""
                        UPDATE moh_classes SET description = :description, play_order = :order, updated_at = :now
                        WHERE name = :name
                        RETURNING\s""" + CLASS_COLUMNS)
                .bind("name", values.name())
                .bind("description", values.description())
                .bind("order", values.order().key())
                .bind("now", now)
                .map(CLASS)
                .findOne()
                .orElseThrow(() -> new NotFoundException("music-on-hold class", values.name())));
    }

    @Override
    public void delete(String name) {
        database.execute(h -> {
            List<String> users = extensionsUsing(h, name);
            if (!users.isEmpty()) {
                throw new ConflictException("name", "music-on-hold class '" + name + "' is used by extension"
                        + (users.size() > 1 ? "s " : " ") + String.join(", ", users));
            }
            if (h.createUpdate("DELETE FROM moh_classes WHERE name = :name").bind("name", name).execute() == 0) {
                throw new NotFoundException("music-on-hold class", name);
            }
        });
    }

    @Override
    public Optional<MohClass> find(String name) {
        return database.read(h -> h.createQuery("SELECT " + CLASS_COLUMNS + " FROM moh_classes WHERE name = :name")
                .bind("name", name)
                .map(CLASS)
                .findOne());
    }

    @Override
    public List<MohClass> list() {
        return database.read(h -> h.createQuery("SELECT " + CLASS_COLUMNS + " FROM moh_classes ORDER BY name")
                .map(CLASS)
                .list());
    }

    @Override
    public int count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM moh_classes").mapTo(Integer.class).one());
    }

    // A new file goes after the last one; a replaced file keeps its place, so re-uploading a
    // corrected recording does not reorder the class.
    @Override
    public MohFile saveFile(String className, String fileName, Duration duration, Instant now) {
        return database.write(h -> {
            long classId = classId(h, className);
            h.createUpdate("""
                            INSERT INTO moh_files (class_id, file_name, position, duration_ms, created_at, updated_at)
                            SELECT :classId, :file, COALESCE(MAX(position), 0) + 1, :duration, :now, :now
                            FROM moh_files WHERE class_id = :classId
                            ON CONFLICT (class_id, file_name) DO UPDATE SET
                                   duration_ms = excluded.duration_ms, updated_at = excluded.updated_at""")
                    .bind("classId", classId)
                    .bind("file", fileName)
                    .bind("duration", duration.toMillis())
                    .bind("now", now)
                    .execute();
            return h.createQuery("SELECT " + FILE_COLUMNS + " FROM moh_files f JOIN moh_classes c ON c.id = f.class_id "
                            + "WHERE f.class_id = :classId AND f.file_name = :file")
                    .bind("classId", classId)
                    .bind("file", fileName)
                    .map(FILE)
                    .one();
        });
    }

    @Override
    public void deleteFile(String className, String fileName) {
        database.execute(h -> {
            long classId = classId(h, className);
            if (h.createUpdate("DELETE FROM moh_files WHERE class_id = :classId AND file_name = :file")
                    .bind("classId", classId).bind("file", fileName).execute() == 0) {
                throw new NotFoundException("music-on-hold file", className + "/" + fileName);
            }
        });
    }

    @Override
    public List<MohFile> files(String className) {
        return database.read(h -> h.createQuery("SELECT " + FILE_COLUMNS
                        + " FROM moh_files f JOIN moh_classes c ON c.id = f.class_id "
                        + "WHERE f.class_id = :classId ORDER BY f.position, f.file_name")
                .bind("classId", classId(h, className))
                .map(FILE)
                .list());
    }

    @Override
    public List<String> extensionsUsing(String name) {
        return database.read(h -> extensionsUsing(h, name));
    }

    private static List<String> extensionsUsing(Handle h, String name) {
        return h.createQuery("SELECT extension_number FROM call_settings WHERE moh_class = :name ORDER BY extension_number")
                .bind("name", name)
                .mapTo(String.class)
                .list();
    }

    private static long classId(Handle h, String className) {
        return h.createQuery("SELECT id FROM moh_classes WHERE name = :name")
                .bind("name", className)
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> new NotFoundException("music-on-hold class", className));
    }
}
