package org.switchboard.store.ringgroup;

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

/** {@link RingGroupStore} on the shared {@link Database}; the only SQL for the {@code ring_group*} tables. Thread-safe. */
public final class JdbiRingGroupStore implements RingGroupStore {
    private static final ExtensionMembers MEMBERS = new ExtensionMembers("ring_group_members", "group_id");
    private final Database database;

    public JdbiRingGroupStore(Database database) {
        this.database = database;
    }

    @Override
    public List<RingGroup> list() {
        return database.read(h -> load(h, "", Map.of()));
    }

    @Override
    public Optional<RingGroup> find(String name) {
        return database.read(h -> byName(h, name));
    }

    @Override
    public RingGroup create(NewRingGroup group, Instant now) {
        return database.write(h -> {
            long id = h.createUpdate("""
                            INSERT INTO ring_groups (name, strategy, ring_seconds, final_action, final_target,
                                created_at, updated_at)
                            VALUES (:name, :strategy, :ringSeconds, :finalAction, :finalTarget, :now, :now)""")
                    .bindMap(columns(group, now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            MEMBERS.replace(h, id, group.members());
            return byName(h, group.name()).orElseThrow();
        });
    }

    @Override
    public RingGroup update(String name, NewRingGroup group, Instant now) {
        return database.write(h -> {
            RingGroup existing = byName(h, name).orElseThrow(() -> new NotFoundException("ring group", name));
            h.createUpdate("""
                            UPDATE ring_groups SET name = :name, strategy = :strategy, ring_seconds = :ringSeconds,
                                final_action = :finalAction, final_target = :finalTarget, updated_at = :now
                            WHERE id = :id""")
                    .bindMap(columns(group, now))
                    .bind("id", existing.id())
                    .execute();
            MEMBERS.replace(h, existing.id(), group.members());
            return byName(h, group.name()).orElseThrow();
        });
    }

    @Override
    public void delete(String name) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM ring_groups WHERE name = :name").bind("name", name).execute() == 0) {
                throw new NotFoundException("ring group", name);
            }
        });
    }

    private static Map<String, Object> columns(NewRingGroup group, Instant now) {
        // Map.of refuses nulls: a group without a final action stores NULL in both columns.
        HashMap<String, Object> columns = new HashMap<>();
        columns.put("name", group.name());
        columns.put("strategy", group.strategy().key());
        columns.put("ringSeconds", group.ringSeconds());
        columns.put("finalAction", group.finalAction().map(FinalAction::action).orElse(null));
        columns.put("finalTarget", group.finalAction().map(FinalAction::target).orElse(null));
        columns.put("now", now.toEpochMilli());
        return columns;
    }

    private static Optional<RingGroup> byName(Handle h, String name) {
        return load(h, " WHERE name = :name", Map.of("name", name)).stream().findFirst();
    }

    /** The groups {@code where} selects, each with its members in ring order. */
    private static List<RingGroup> load(Handle h, String where, Map<String, Object> params) {
        List<RingGroup> rows = h.createQuery("SELECT id, name, strategy, ring_seconds, final_action, final_target, "
                        + "created_at, updated_at FROM ring_groups" + where + " ORDER BY name")
                .bindMap(params)
                .map((rs, ctx) -> {
                    String finalAction = rs.getString("final_action");
                    String finalTarget = rs.getString("final_target");
                    return new RingGroup(rs.getLong("id"), rs.getString("name"),
                            RingStrategy.parse(rs.getString("strategy")).orElseThrow(), List.of(), rs.getInt("ring_seconds"),
                            Optional.ofNullable(finalAction).map(action -> new FinalAction(action, finalTarget)),
                            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
                })
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> members = MEMBERS.of(h, rows.stream().map(RingGroup::id).toList());
        List<RingGroup> groups = new ArrayList<>(rows.size());
        for (RingGroup r : rows) {
            groups.add(new RingGroup(r.id(), r.name(), r.strategy(), members.getOrDefault(r.id(), List.of()),
                    r.ringSeconds(), r.finalAction(), r.createdAt(), r.updatedAt()));
        }
        return groups;
    }
}
