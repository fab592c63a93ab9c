package org.switchboard.store.route;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link OutboundRouteStore} on the shared {@link Database}; the only SQL for {@code outbound_routes}. Thread-safe. */
public final class JdbiOutboundRouteStore implements OutboundRouteStore {
    private static final String COLUMNS = "id, name, dial, trunks, lcr, caller_id, created_at, updated_at";
    private static final RowMapper<OutboundRoute> MAPPER = (rs, ctx) -> new OutboundRoute(
            rs.getLong("id"),
            new NewOutboundRoute(
                    rs.getString("name"),
                    rs.getString("dial"),
                    Arrays.asList(rs.getString("trunks").split(",")),
                    rs.getBoolean("lcr"),
                    Optional.ofNullable(rs.getString("caller_id"))),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiOutboundRouteStore(Database database) {
        this.database = database;
    }

    @Override
    public OutboundRoute create(NewOutboundRoute route, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        INSERT INTO outbound_routes (name, dial, trunks, lcr, caller_id, created_at, updated_at)
                        VALUES (:name, :dial, :trunks, :lcr, :caller_id, :now, :now)
                        RETURNING\s""" + COLUMNS), route)
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .one());
    }

    @Override
    public OutboundRoute update(String name, NewOutboundRoute route, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        UPDATE outbound_routes SET dial = :dial, trunks = :trunks, lcr = :lcr,
                               caller_id = :caller_id, updated_at = :now
                        WHERE name = :name RETURNING\s""" + COLUMNS), route)
                .bind("name", name)
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("outbound route", name)));
    }

    @Override
    public void delete(String name) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM outbound_routes WHERE name = :name")
                .bind("name", name)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("outbound route", name);
        }
    }

    @Override
    public Optional<OutboundRoute> find(String name) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbound_routes WHERE name = :name")
                .bind("name", name)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<OutboundRoute> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbound_routes ORDER BY name")
                .map(MAPPER)
                .list());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, NewOutboundRoute r) {
        return statement
                .bind("name", r.name())
                .bind("dial", r.dial())
                .bind("trunks", String.join(",", r.trunks()))
                .bind("lcr", r.lcr())
                .bind("caller_id", r.callerId().orElse(null));
    }
}
