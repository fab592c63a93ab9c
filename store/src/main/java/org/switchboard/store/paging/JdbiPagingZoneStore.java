package org.switchboard.store.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ExtensionMembers;
import org.switchboard.store.db.NotFoundException;

/** {@link PagingZoneStore} on the shared {@link Database}; the only SQL for the {@code paging_zone*} tables. Thread-safe. */
public final class JdbiPagingZoneStore implements PagingZoneStore {
    private static final ExtensionMembers MEMBERS = new ExtensionMembers("paging_zone_members", "zone_id");
    private final Database database;

    public JdbiPagingZoneStore(Database database) {
        this.database = database;
    }

    @Override
    public List<PagingZone> list() {
        return database.read(h -> load(h, "", Map.of()));
    }

    @Override
    public Optional<PagingZone> find(String name) {
        return database.read(h -> byName(h, name));
    }

    @Override
    public PagingZone create(NewPagingZone zone, Instant now) {
        return database.write(h -> {
            long id = h.createUpdate("""
                            INSERT INTO paging_zones (name, number, beep, max_seconds, created_at, updated_at)
                            VALUES (:name, :number, :beep, :maxSeconds, :now, :now)""")
                    .bindMap(columns(zone, now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            MEMBERS.replace(h, id, zone.members());
            return byName(h, zone.name()).orElseThrow();
        });
    }

    @Override
    public PagingZone update(String name, NewPagingZone zone, Instant now) {
        return database.write(h -> {
            PagingZone existing = byName(h, name).orElseThrow(() -> new NotFoundException("paging zone", name));
            h.createUpdate("""
                            UPDATE paging_zones SET name = :name, number = :number, beep = :beep,
                                max_seconds = :maxSeconds, updated_at = :now
                            WHERE id = :id""")
                    .bindMap(columns(zone, now))
                    .bind("id", existing.id())
                    .execute();
            MEMBERS.replace(h, existing.id(), zone.members());
            return byName(h, zone.name()).orElseThrow();
        });
    }

    @Override
    public void delete(String name) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM paging_zones WHERE name = :name").bind("name", name).execute() == 0) {
                throw new NotFoundException("paging zone", name);
            }
        });
    }

    private static Map<String, Object> columns(NewPagingZone zone, Instant now) {
        // Map.of refuses nulls: a zone without a number stores NULL.
        HashMap<String, Object> columns = new HashMap<>();
        columns.put("name", zone.name());
        columns.put("number", zone.number().orElse(null));
        columns.put("beep", zone.beep());
        columns.put("maxSeconds", zone.maxSeconds());
        columns.put("now", now.toEpochMilli());
        return columns;
    }

    private static Optional<PagingZone> byName(Handle h, String name) {
        return load(h, " WHERE name = :name", Map.of("name", name)).stream().findFirst();
    }

    /** The zones {@code where} selects, each with its members in their order. */
    private static List<PagingZone> load(Handle h, String where, Map<String, Object> params) {
        List<PagingZone> rows = h.createQuery("SELECT id, name, number, beep, max_seconds, created_at, updated_at "
                        + "FROM paging_zones" + where + " ORDER BY name")
                .bindMap(params)
                .map((rs, ctx) -> new PagingZone(rs.getLong("id"), rs.getString("name"),
                        Optional.ofNullable(rs.getString("number")), List.of(), rs.getBoolean("beep"),
                        rs.getInt("max_seconds"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> members = MEMBERS.of(h, rows.stream().map(PagingZone::id).toList());
        List<PagingZone> zones = new ArrayList<>(rows.size());
        for (PagingZone r : rows) {
            zones.add(new PagingZone(r.id(), r.name(), r.number(), members.getOrDefault(r.id(), List.of()), r.beep(),
                    r.maxSeconds(), r.createdAt(), r.updatedAt()));
        }
        return zones;
    }
}
