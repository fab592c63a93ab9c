package org.switchboard.store.pickup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.store.db.Database;

/** {@link PickupGroupStore} on table {@code extension_pickup_groups}. Thread-safe. */
public final class JdbiPickupGroupStore implements PickupGroupStore {
    private final Database database;

    public JdbiPickupGroupStore(Database database) {
        this.database = database;
    }

    @Override
    public List<ExtensionPickupGroups> all() {
        return database.read(h -> {
            Map<String, List<String>> byExtension = new LinkedHashMap<>();
            h.createQuery("SELECT extension_number, group_name FROM extension_pickup_groups"
                    + " ORDER BY extension_number, group_name")
                    .map((rs, ctx) -> Map.entry(rs.getString("extension_number"), rs.getString("group_name")))
                    .forEach(row -> byExtension.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
            return byExtension.entrySet().stream()
                    .map(e -> new ExtensionPickupGroups(e.getKey(), e.getValue())).toList();
        });
    }

    @Override
    public ExtensionPickupGroups save(ExtensionPickupGroups settings, Instant now) {
        database.write(h -> {
            h.createUpdate("DELETE FROM extension_pickup_groups WHERE extension_number = :extension")
                    .bind("extension", settings.extension()).execute();
            for (String group : settings.groups()) {
                h.createUpdate("INSERT INTO extension_pickup_groups (extension_number, group_name, updated_at)"
                        + " VALUES (:extension, :group, :now)")
                        .bind("extension", settings.extension()).bind("group", group)
                        .bind("now", now.toEpochMilli()).execute();
            }
            return null;
        });
        return settings;
    }
}
