package org.switchboard.store.prompt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;

/** {@link PromptStore} on the shared {@link Database}; the only SQL for {@code prompts}. Thread-safe. */
public final class JdbiPromptStore implements PromptStore {
    private static final String COLUMNS = "id, name, file_name, sample_rate_hz, duration_ms, size_bytes, created_at, updated_at";
    private static final RowMapper<UploadedPrompt> MAPPER = (rs, ctx) -> new UploadedPrompt(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("file_name"),
            rs.getInt("sample_rate_hz"),
            Duration.ofMillis(rs.getLong("duration_ms")),
            rs.getLong("size_bytes"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiPromptStore(Database database) {
        this.database = database;
    }

    @Override
    public List<UploadedPrompt> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM prompts ORDER BY name").map(MAPPER).list());
    }

    @Override
    public Optional<UploadedPrompt> find(String name) {
        return database.read(h -> byName(h, name));
    }

    @Override
    public Saved save(NewPrompt prompt, Instant now) {
        return database.write(h -> {
            Optional<UploadedPrompt> replaced = byName(h, prompt.name());
            UploadedPrompt saved = h.createQuery("""
                            INSERT INTO prompts (name, file_name, sample_rate_hz, duration_ms, size_bytes, created_at, updated_at)
                            VALUES (:name, :file, :rate, :duration, :size, :now, :now)
                            ON CONFLICT (name) DO UPDATE SET file_name = excluded.file_name,
                                sample_rate_hz = excluded.sample_rate_hz, duration_ms = excluded.duration_ms,
                                size_bytes = excluded.size_bytes, updated_at = excluded.updated_at
                            RETURNING\s""" + COLUMNS)
                    .bind("name", prompt.name())
                    .bind("file", prompt.fileName())
                    .bind("rate", prompt.sampleRateHz())
                    .bind("duration", prompt.duration().toMillis())
                    .bind("size", prompt.sizeBytes())
                    .bind("now", now.toEpochMilli())
                    .map(MAPPER)
                    .one();
            return new Saved(saved, replaced);
        });
    }

    @Override
    public Optional<UploadedPrompt> delete(String name) {
        return database.write(h -> {
            Optional<UploadedPrompt> existing = byName(h, name);
            existing.ifPresent(p -> h.createUpdate("DELETE FROM prompts WHERE id = :id").bind("id", p.id()).execute());
            return existing;
        });
    }

    private static Optional<UploadedPrompt> byName(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM prompts WHERE name = :name").bind("name", name).map(MAPPER).findOne();
    }
}
