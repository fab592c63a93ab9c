package org.switchboard.store.route;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.NotFoundException;

/**
 * {@link LcrRateStore} on the shared {@link Database}; the only SQL for {@code lcr_rates} and
 * {@code lcr_time_rates}. A rate and its time rates are written in one transaction (the time
 * rates are replaced whole, keeping their order). Days are stored as {@code mon,tue,...}. Thread-safe.
 */
public final class JdbiLcrRateStore implements LcrRateStore {
    private static final String COLUMNS = "id, trunk, prefix, rate_micros, created_at, updated_at";

    /** A rate row before its time rates are attached. */
    private record Row(long id, String trunk, String prefix, long rateMicros, Instant createdAt, Instant updatedAt) {}

    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getLong("id"), rs.getString("trunk"),
            rs.getString("prefix"), rs.getLong("rate_micros"), Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Database database;

    public JdbiLcrRateStore(Database database) {
        this.database = database;
    }

    @Override
    public LcrRate create(NewLcrRate rate, Instant now) {
        return database.write(h -> {
            long id = h.createQuery("""
                            INSERT INTO lcr_rates (trunk, prefix, rate_micros, created_at, updated_at)
                            VALUES (:trunk, :prefix, :rate, :now, :now) RETURNING id""")
                    .bind("trunk", rate.trunk())
                    .bind("prefix", rate.prefix())
                    .bind("rate", rate.rateMicros())
                    .bind("now", now.toEpochMilli())
                    .mapTo(Long.class)
                    .one();
            insertTimeRates(h, id, rate.timeRates());
            return load(h, id).orElseThrow();
        });
    }

    @Override
    public LcrRate update(long id, NewLcrRate rate, Instant now) {
        return database.write(h -> {
            int updated = h.createUpdate("""
                            UPDATE lcr_rates SET trunk = :trunk, prefix = :prefix, rate_micros = :rate, updated_at = :now
                            WHERE id = :id""")
                    .bind("id", id)
                    .bind("trunk", rate.trunk())
                    .bind("prefix", rate.prefix())
                    .bind("rate", rate.rateMicros())
                    .bind("now", now.toEpochMilli())
                    .execute();
            if (updated == 0) {
                throw new NotFoundException("rate", Long.toString(id));
            }
            h.createUpdate("DELETE FROM lcr_time_rates WHERE rate_id = :id").bind("id", id).execute();
            insertTimeRates(h, id, rate.timeRates());
            return load(h, id).orElseThrow();
        });
    }

    @Override
    public void delete(long id) {
        int deleted = database.write(h -> h.createUpdate("DELETE FROM lcr_rates WHERE id = :id").bind("id", id).execute());
        if (deleted == 0) {
            throw new NotFoundException("rate", Long.toString(id));
        }
    }

    @Override
    public Optional<LcrRate> find(long id) {
        return database.read(h -> load(h, id));
    }

    @Override
    public List<LcrRate> list() {
        return database.read(h -> {
            List<Row> rows = h.createQuery("SELECT " + COLUMNS + " FROM lcr_rates ORDER BY trunk, prefix").map(ROW).list();
            Map<Long, List<TimeRate>> times = new LinkedHashMap<>();
            h.createQuery("SELECT rate_id, days, start_minute, end_minute, rate_micros FROM lcr_time_rates"
                            + " ORDER BY rate_id, position")
                    .map((rs, ctx) -> Map.entry(rs.getLong("rate_id"), timeRate(rs.getString("days"),
                            rs.getInt("start_minute"), rs.getInt("end_minute"), rs.getLong("rate_micros"))))
                    .forEach(e -> times.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return rows.stream().map(r -> rate(r, times.getOrDefault(r.id(), List.of()))).toList();
        });
    }

    private static Optional<LcrRate> load(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM lcr_rates WHERE id = :id").bind("id", id).map(ROW).findOne()
                .map(row -> rate(row, h.createQuery("""
                                SELECT days, start_minute, end_minute, rate_micros FROM lcr_time_rates
                                WHERE rate_id = :id ORDER BY position""")
                        .bind("id", id)
                        .map((rs, ctx) -> timeRate(rs.getString("days"), rs.getInt("start_minute"),
                                rs.getInt("end_minute"), rs.getLong("rate_micros")))
                        .list()));
    }

    private static LcrRate rate(Row row, List<TimeRate> timeRates) {
        return new LcrRate(row.id(), new NewLcrRate(row.trunk(), row.prefix(), row.rateMicros(), timeRates),
                row.createdAt(), row.updatedAt());
    }

    private static void insertTimeRates(Handle h, long rateId, List<TimeRate> timeRates) {
        if (timeRates.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO lcr_time_rates (rate_id, days, start_minute, end_minute, rate_micros, position)
                VALUES (:rate_id, :days, :start, :end, :rate, :position)""");
        for (int i = 0; i < timeRates.size(); i++) {
            TimeRate t = timeRates.get(i);
            batch.bind("rate_id", rateId).bind("days", days(t.days())).bind("start", t.startMinute())
                    .bind("end", t.endMinute()).bind("rate", t.rateMicros()).bind("position", i).add();
        }
        batch.execute();
    }

    /** The days in week order as {@code mon,tue,...}. */
    public static String days(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(JdbiLcrRateStore::day).collect(Collectors.joining(","));
    }

    /** The three-letter lower-case name of {@code day}, as stored and as the API spells it. */
    public static String day(DayOfWeek day) {
        return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
    }

    private static TimeRate timeRate(String days, int start, int end, long rate) {
        return new TimeRate(parseDays(days), start, end, rate);
    }

    /** The days stored as {@link #days} writes them. */
    public static Set<DayOfWeek> parseDays(String stored) {
        Set<DayOfWeek> set = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(stored.split(",")).forEach(d -> Arrays.stream(DayOfWeek.values())
                .filter(w -> day(w).equals(d)).forEach(set::add));
        return set;
    }
}
