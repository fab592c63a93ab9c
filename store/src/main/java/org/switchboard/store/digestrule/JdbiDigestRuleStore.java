package org.switchboard.store.digestrule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.switchboard.store.db.Database;

/** {@link DigestRuleStore} on the shared {@link Database}; the only SQL for {@code digest_user_agent_rules}. Thread-safe. */
public final class JdbiDigestRuleStore implements DigestRuleStore {
    private static final String COLUMNS = "id, position, user_agent_pattern, algorithms, note, created_at, updated_at";
    private static final RowMapper<DigestRule> MAPPER = (rs, ctx) -> new DigestRule(
            rs.getLong("id"),
            rs.getInt("position"),
            rs.getString("user_agent_pattern"),
            rs.getString("algorithms"),
            rs.getString("note"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiDigestRuleStore(Database database) {
        this.database = database;
    }

    @Override
    public List<DigestRule> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM digest_user_agent_rules ORDER BY position")
                .map(MAPPER)
                .list());
    }

    @Override
    public List<DigestRule> replaceAll(List<NewDigestRule> rules, Instant now) {
        return database.write(h -> {
            h.createUpdate("DELETE FROM digest_user_agent_rules").execute();
            List<DigestRule> saved = new ArrayList<>(rules.size());
            int position = 1;
            for (NewDigestRule rule : rules) {
                saved.add(h.createQuery("""
                                INSERT INTO digest_user_agent_rules (position, user_agent_pattern, algorithms, note,
                                                                     created_at, updated_at)
                                VALUES (:position, :pattern, :algorithms, :note, :now, :now)
                                RETURNING\s""" + COLUMNS)
                        .bind("position", position++)
                        .bind("pattern", rule.userAgentPattern())
                        .bind("algorithms", rule.algorithms())
                        .bind("note", rule.note())
                        .bind("now", now)
                        .map(MAPPER)
                        .one());
            }
            return List.copyOf(saved);
        });
    }

    @Override
    public long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM digest_user_agent_rules").mapTo(Long.class).one());
    }
}
