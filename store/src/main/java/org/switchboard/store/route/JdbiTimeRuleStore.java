package org.switchboard.store.route;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link TimeRuleStore} on the shared {@link Database}; the only SQL for {@code time_routing_rules},
 * {@code time_routing_hours} and {@code holidays}. A rule, its hours and its holidays are written in
 * one transaction (hours and holidays replaced whole, hours keeping their order). Days are stored as
 * {@code JdbiLcrRateStore} stores them ({@code mon,tue,...}). Thread-safe.
 */
public final class JdbiTimeRuleStore implements TimeRuleStore {

    private final Database database;

    public JdbiTimeRuleStore(Database database) {
        this.database = database;
    }

    @Override
    public TimeRule create(NewTimeRule rule, Instant now) {
        return database.write(h -> {
            long id = h.createQuery("""
                            INSERT INTO time_routing_rules (name, open_action, open_target, closed_action, closed_target,
                                created_at, updated_at)
                            VALUES (:name, :openAction, :openTarget, :closedAction, :closedTarget, :now, :now) RETURNING id""")
                    .bind("name", rule.name())
                    .bind("openAction", rule.open().action())
                    .bind("openTarget", rule.open().target())
                    .bind("closedAction", rule.closed().action())
                    .bind("closedTarget", rule.closed().target())
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            insertTimes(h, id, rule);
            return find(h, rule.name());
        });
    }

    @Override
    public TimeRule update(String name, NewTimeRule rule, Instant now) {
        return database.write(h -> {
            long id = h.createQuery("""
                            UPDATE time_routing_rules SET open_action = :openAction, open_target = :openTarget,
                                closed_action = :closedAction, closed_target = :closedTarget, updated_at = :now
                            WHERE name = :name RETURNING id""")
                    .bind("name", name)
                    .bind("openAction", rule.open().action())
                    .bind("openTarget", rule.open().target())
                    .bind("closedAction", rule.closed().action())
                    .bind("closedTarget", rule.closed().target())
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(() -> new NotFoundException("time rule", name));
            h.createUpdate("DELETE FROM time_routing_hours WHERE rule_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM holidays WHERE rule_id = :id").bind("id", id).execute();
            insertTimes(h, id, rule);
            return find(h, name);
        });
    }

    @Override
    public void delete(String name) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM time_routing_rules WHERE name = :name")
                .bind("name", name)
                .execute());
        if (deleted == 0) {
            throw new NotFoundException("time rule", name);
        }
    }

    @Override
    public List<TimeRule> list() {
        return database.read(JdbiTimeRuleStore::all);
    }

    private static TimeRule find(Handle h, String name) {
        return all(h).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<TimeRule> all(Handle h) {
        Map<Long, List<OpenHours>> hours = new HashMap<>();
        h.createQuery("SELECT rule_id, days, start_minute, end_minute FROM time_routing_hours ORDER BY rule_id, position")
                .map((rs, ctx) -> Map.entry(rs.getLong("rule_id"),
                        new OpenHours(JdbiLcrRateStore.parseDays(rs.getString("days")), rs.getInt("start_minute"), rs.getInt("end_minute"))))
                .forEach(e -> hours.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<Holiday>> holidays = new HashMap<>();
        h.createQuery("SELECT rule_id, day, name FROM holidays ORDER BY rule_id, day")
                .map((rs, ctx) -> Map.entry(rs.getLong("rule_id"), new Holiday(LocalDate.parse(rs.getString("day")), rs.getString("name"))))
                .forEach(e -> holidays.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return h.createQuery("""
                        SELECT id, name, open_action, open_target, closed_action, closed_target, created_at, updated_at
                        FROM time_routing_rules ORDER BY name""")
                .map((rs, ctx) -> new TimeRule(rs.getLong("id"), new NewTimeRule(rs.getString("name"),
                        hours.getOrDefault(rs.getLong("id"), List.of()), holidays.getOrDefault(rs.getLong("id"), List.of()),
                        new NewTimeRule.Branch(rs.getString("open_action"), rs.getString("open_target")),
                        new NewTimeRule.Branch(rs.getString("closed_action"), rs.getString("closed_target"))),
                        Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list();
    }

    private static void insertTimes(Handle h, long id, NewTimeRule rule) {
        for (int i = 0; i < rule.hours().size(); i++) {
            OpenHours open = rule.hours().get(i);
            h.createUpdate("""
                            INSERT INTO time_routing_hours (rule_id, days, start_minute, end_minute, position)
                            VALUES (:id, :days, :start, :end, :position)""")
                    .bind("id", id).bind("days", JdbiLcrRateStore.days(open.days()))
                    .bind("start", open.startMinute()).bind("end", open.endMinute()).bind("position", i)
                    .execute();
        }
        for (Holiday holiday : rule.holidays()) {
            h.createUpdate("INSERT INTO holidays (rule_id, day, name) VALUES (:id, :day, :name)")
                    .bind("id", id).bind("day", holiday.date().toString()).bind("name", holiday.name())
                    .execute();
        }
    }
}
