package org.switchboard.store.parking;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.Database;

/** {@link ParkLotStore} on the shared {@link Database}; the only SQL for {@code park_lots}. Thread-safe. */
public final class JdbiParkLotStore implements ParkLotStore {
    private static final String COLUMNS = "id, name, number, first_slot, last_slot, timeout_seconds, music_class,"
            + " return_action, return_target, created_at, updated_at";
    private static final RowMapper<ParkLot> MAPPER = (rs, ctx) -> {
        String returnAction = rs.getString("return_action");
        String returnTarget = rs.getString("return_target");
        return new ParkLot(
            rs.getLong("id"),
            rs.getString("name"),
            new NewParkLot(
                    rs.getString("number"),
                    rs.getInt("first_slot"),
                    rs.getInt("last_slot"),
                    rs.getInt("timeout_seconds"),
                    rs.getString("music_class"),
                    Optional.ofNullable(returnAction).map(action -> new ReturnAction(action, returnTarget))),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
    };

    private final Database database;

    public JdbiParkLotStore(Database database) {
        this.database = database;
    }

    @Override
    public Optional<ParkLot> find(String name) {
        return database.read(h -> byName(h, name));
    }

    @Override
    public ParkLot save(String name, NewParkLot values, Instant now) {
        return database.write(h -> {
            int updated = bind(h.createUpdate("""
                    UPDATE park_lots SET number = :number, first_slot = :first_slot, last_slot = :last_slot,
                           timeout_seconds = :timeout_seconds, music_class = :music_class,
                           return_action = :return_action, return_target = :return_target, updated_at = :now
                    WHERE name = :name"""), name, values, now).execute();
            if (updated == 0) {
                bind(h.createUpdate("""
                        INSERT INTO park_lots (name, number, first_slot, last_slot, timeout_seconds, music_class,
                                               return_action, return_target, created_at, updated_at)
                        VALUES (:name, :number, :first_slot, :last_slot, :timeout_seconds, :music_class,
                                :return_action, :return_target, :now, :now)"""), name, values, now).execute();
            }
            return byName(h, name).orElseThrow();
        });
    }

    @Override
    public int count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM park_lots").mapTo(Integer.class).one());
    }

    private static Optional<ParkLot> byName(Handle h, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM park_lots WHERE name = :name")
                .bind("name", name)
                .map(MAPPER)
                .findOne();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, String name, NewParkLot lot, Instant now) {
        return statement
                .bind("name", name)
                .bind("number", lot.number())
                .bind("first_slot", lot.firstSlot())
                .bind("last_slot", lot.lastSlot())
                .bind("timeout_seconds", lot.timeoutSeconds())
                .bind("music_class", lot.musicClass())
                .bind("return_action", lot.returnAction().map(ReturnAction::action).orElse(null))
                .bind("return_target", lot.returnAction().map(ReturnAction::target).orElse(null))
                .bind("now", now.toEpochMilli());
    }
}
