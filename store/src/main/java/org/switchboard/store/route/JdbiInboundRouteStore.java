package org.switchboard.store.route;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link InboundRouteStore} on the shared {@link Database}; the only SQL for {@code inbound_routes}. Thread-safe. */
public final class JdbiInboundRouteStore implements InboundRouteStore {
    private static final String COLUMNS = "id, did, action, target, created_at, updated_at";
    private static final RowMapper<InboundRoute> MAPPER = (rs, ctx) -> new InboundRoute(
            rs.getLong("id"),
            new NewInboundRoute(rs.getString("did"), rs.getString("action"), rs.getString("target")),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiInboundRouteStore(Database database) {
        this.database = database;
    }

    @Override
    public InboundRoute create(NewInboundRoute route, Instant now) {
        return database.write(h -> h.createQuery("""
                        INSERT INTO inbound_routes (did, action, target, created_at, updated_at)
                        VALUES (:did, :action, :target, :now, :now) RETURNING\s""" + COLUMNS)
                .bind("did", route.did())
                .bind("action", route.action())
                .bind("target", route.target())
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .one());
    }

    @Override
    public InboundRoute update(String did, NewInboundRoute route, Instant now) {
        return database.write(h -> h.createQuery("""
                        UPDATE inbound_routes SET action = :action, target = :target, updated_at = :now
                        WHERE did = :did RETURNING\s""" + COLUMNS)
                .bind("did", did)
                .bind("action", route.action())
                .bind("target", route.target())
                .bind("now", now.toEpochMilli())
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("inbound route", did)));
    }

    @Override
    public void delete(String did) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM inbound_routes WHERE did = :did")
                .bind("did", did)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("inbound route", did);
        }
    }

    @Override
    public List<InboundRoute> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM inbound_routes ORDER BY did")
                .map(MAPPER)
                .list());
    }
}
