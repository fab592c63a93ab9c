package org.switchboard.store.conference;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link ConferenceRoomStore} on the shared {@link Database}; the only SQL for {@code conference_rooms}. Thread-safe. */
public final class JdbiConferenceRoomStore implements ConferenceRoomStore {
    private static final String COLUMNS = "id, name, number, pin, moderator_pin, max_participants, wait_for_moderator,"
            + " tones, record, created_at, updated_at";
    private static final RowMapper<ConferenceRoom> MAPPER = (rs, ctx) -> new ConferenceRoom(
            rs.getLong("id"),
            new NewConferenceRoom(
                    rs.getString("name"),
                    Optional.ofNullable(rs.getString("number")),
                    rs.getString("pin"),
                    rs.getString("moderator_pin"),
                    rs.getInt("max_participants"),
                    rs.getBoolean("wait_for_moderator"),
                    rs.getBoolean("tones"),
                    rs.getBoolean("record")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiConferenceRoomStore(Database database) {
        this.database = database;
    }

    @Override
    public ConferenceRoom create(NewConferenceRoom room, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        INSERT INTO conference_rooms (name, number, pin, moderator_pin, max_participants,
                                                      wait_for_moderator, tones, record, created_at, updated_at)
                        VALUES (:name, :number, :pin, :moderator_pin, :max_participants, :wait_for_moderator,
                                :tones, :record, :now, :now)
                        RETURNING\s""" + COLUMNS), room)
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .one());
    }

    @Override
    public ConferenceRoom update(String name, NewConferenceRoom room, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        UPDATE conference_rooms SET name = :name, number = :number, pin = :pin,
                               moderator_pin = :moderator_pin, max_participants = :max_participants,
                               wait_for_moderator = :wait_for_moderator, tones = :tones, record = :record,
                               updated_at = :now
                        WHERE name = :key RETURNING\s""" + COLUMNS), room)
                .bind("key", name)
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("conference", name)));
    }

    @Override
    public void delete(String name) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM conference_rooms WHERE name = :name")
                .bind("name", name)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("conference", name);
        }
    }

    @Override
    public Optional<ConferenceRoom> find(String name) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM conference_rooms WHERE name = :name")
                .bind("name", name)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<ConferenceRoom> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM conference_rooms ORDER BY name")
                .map(MAPPER)
                .list());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, NewConferenceRoom r) {
        return statement
                .bind("name", r.name())
                .bind("number", r.number().orElse(null))
                .bind("pin", r.pin())
                .bind("moderator_pin", r.moderatorPin())
                .bind("max_participants", r.maxParticipants())
                .bind("wait_for_moderator", r.waitForModerator())
                .bind("tones", r.tones())
                .bind("record", r.record());
    }
}
