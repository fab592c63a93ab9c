package org.switchboard.store.followme;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;

/** {@link FollowMeStore} on the shared {@link Database}; the only SQL for the {@code fmfm_*} tables. Thread-safe. */
public final class JdbiFollowMeStore implements FollowMeStore {
    private final Database database;

    public JdbiFollowMeStore(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, FollowMe> all() {
        return database.read(h -> load(h, "", Map.of()));
    }

    @Override
    public Optional<FollowMe> find(String number) {
        return database.read(h -> Optional.ofNullable(load(h, " WHERE extension_number = :number", Map.of("number", number))
                .get(number)));
    }

    @Override
    public FollowMe put(String number, FollowMe settings, Instant now) {
        return database.write(h -> {
            // Replacing the row drops the old list with it (ON DELETE CASCADE): one statement pair, one transaction.
            h.createUpdate("DELETE FROM fmfm_configs WHERE extension_number = :number").bind("number", number).execute();
            long id = h.createUpdate("""
                            INSERT INTO fmfm_configs (extension_number, enabled, desk_first, desk_seconds, strategy, updated_at)
                            VALUES (:number, :enabled, :deskFirst, :deskSeconds, :strategy, :now)""")
                    .bind("number", number)
                    .bind("enabled", settings.enabled())
                    .bind("deskFirst", settings.deskFirst())
                    .bind("deskSeconds", settings.deskSeconds())
                    .bind("strategy", settings.strategy().key())
                    .bind("now", now.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            List<FollowMeDestination> destinations = settings.destinations();
            for (int position = 0; position < destinations.size(); position++) {
                h.createUpdate("""
                                INSERT INTO fmfm_destinations (config_id, number, ring_seconds, position)
                                VALUES (:config, :number, :ringSeconds, :position)""")
                        .bind("config", id)
                        .bind("number", destinations.get(position).number())
                        .bind("ringSeconds", destinations.get(position).ringSeconds())
                        .bind("position", position)
                        .execute();
            }
            return load(h, " WHERE extension_number = :number", Map.of("number", number)).get(number);
        });
    }

    /** The settings {@code where} selects, by extension number, each with its list in order. */
    private static Map<String, FollowMe> load(Handle h, String where, Map<String, Object> params) {
        record Row(long id, String number, boolean enabled, boolean deskFirst, int deskSeconds, FollowMeStrategy strategy) {}
        List<Row> rows = h.createQuery("SELECT id, extension_number, enabled, desk_first, desk_seconds, strategy "
                        + "FROM fmfm_configs" + where + " ORDER BY extension_number")
                .bindMap(params)
                .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("extension_number"), rs.getBoolean("enabled"),
                        rs.getBoolean("desk_first"), rs.getInt("desk_seconds"),
                        FollowMeStrategy.parse(rs.getString("strategy")).orElseThrow()))
                .list();
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<FollowMeDestination>> lists = h.createQuery("""
                        SELECT config_id, number, ring_seconds FROM fmfm_destinations
                        WHERE config_id IN (<ids>) ORDER BY config_id, position""")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("config_id"),
                        new FollowMeDestination(rs.getString("number"), rs.getInt("ring_seconds"))))
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, FollowMe> settings = new LinkedHashMap<>();
        for (Row r : rows) {
            settings.put(r.number(), new FollowMe(r.enabled(), r.deskFirst(), r.deskSeconds(), r.strategy(),
                    lists.getOrDefault(r.id(), List.of())));
        }
        return settings;
    }
}
