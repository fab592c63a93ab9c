package org.switchboard.store.db;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The ordered extension members of one kind of record (ring groups, paging zones, queues), kept as rows of
 * {@code (owner column, extension_number, position)} in the kind's own members table. Table and column names are
 * the stores' constants, never input. Immutable and thread-safe; each call runs in the caller's transaction.
 */
public final class ExtensionMembers {
    private final String table;
    private final String owner;

    /** The members in {@code table}, whose column {@code owner} holds the owning record's id. */
    public ExtensionMembers(String table, String owner) {
        this.table = table;
        this.owner = owner;
    }

    /** Makes {@code members}, in this order, the members of record {@code ownerId} (replacing any it had). */
    public void replace(Handle h, long ownerId, List<String> members) {
        h.createUpdate("DELETE FROM " + table + " WHERE " + owner + " = :owner").bind("owner", ownerId).execute();
        for (int position = 0; position < members.size(); position++) {
            h.createUpdate("INSERT INTO " + table + " (" + owner + ", extension_number, position)"
                            + " VALUES (:owner, :extension, :position)")
                    .bind("owner", ownerId)
                    .bind("extension", members.get(position))
                    .bind("position", position)
                    .execute();
        }
    }

    /** The members of each of the records {@code ownerIds}, in order, by id; a record without members is absent. */
    public Map<Long, List<String>> of(Handle h, List<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Map.of();
        }
        return h.createQuery("SELECT " + owner + ", extension_number FROM " + table
                        + " WHERE " + owner + " IN (<ids>) ORDER BY " + owner + ", position")
                .bindList("ids", ownerIds)
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }
}
