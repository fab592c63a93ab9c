package org.switchboard.store.dialplan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/** {@link DialPlanRuleStore} on the shared {@link Database}; the only SQL for {@code dialplan_rules}. Thread-safe. */
public final class JdbiDialPlanRuleStore implements DialPlanRuleStore {
    private static final String COLUMNS = "id, priority, name, pattern, action, target, created_at, updated_at";
    private static final RowMapper<DialPlanRule> MAPPER = (rs, ctx) -> new DialPlanRule(
            rs.getLong("id"),
            rs.getInt("priority"),
            rs.getString("name"),
            rs.getString("pattern"),
            RuleAction.parse(rs.getString("action")).orElseThrow(),
            rs.getString("target"),
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiDialPlanRuleStore(Database database) {
        this.database = database;
    }

    @Override
    public DialPlanRule create(NewDialPlanRule rule, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        INSERT INTO dialplan_rules (priority, name, pattern, action, target, created_at, updated_at)
                        VALUES (:priority, :name, :pattern, :action, :target, :now, :now)
                        RETURNING\s""" + COLUMNS), rule)
                .bind("now", now)
                .map(MAPPER)
                .one());
    }

    @Override
    public DialPlanRule update(long id, NewDialPlanRule rule, Instant now) {
        return database.write(h -> bind(h.createQuery("""
                        UPDATE dialplan_rules SET priority = :priority, name = :name, pattern = :pattern,
                               action = :action, target = :target, updated_at = :now
                        WHERE id = :id
                        RETURNING\s""" + COLUMNS), rule)
                .bind("id", id)
                .bind("now", now)
                .map(MAPPER)
                .findOne()
                .orElseThrow(() -> new NotFoundException("dial-plan rule", "id " + id)));
    }

    @Override
    public void delete(long id) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM dialplan_rules WHERE id = :id").bind("id", id).execute() == 0) {
                throw new NotFoundException("dial-plan rule", "id " + id);
            }
        });
    }

    @Override
    public Optional<DialPlanRule> findById(long id) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM dialplan_rules WHERE id = :id")
                .bind("id", id)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public List<DialPlanRule> list() {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM dialplan_rules ORDER BY priority")
                .map(MAPPER)
                .list());
    }

    @Override
    public long count() {
        return database.read(h -> h.createQuery("SELECT COUNT(*) FROM dialplan_rules").mapTo(Long.class).one());
    }

    private static <S extends SqlStatement<S>> S bind(S statement, NewDialPlanRule r) {
        return statement
                .bind("priority", r.priority())
                .bind("name", r.name())
                .bind("pattern", r.pattern())
                .bind("action", r.action().key())
                .bind("target", r.target());
    }
}
