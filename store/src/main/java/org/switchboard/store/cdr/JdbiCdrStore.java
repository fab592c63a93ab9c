package org.switchboard.store.cdr;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.switchboard.store.db.BatchSink;
import org.switchboard.store.db.Database;

/** {@link CdrStore} on the shared {@link Database}; the only SQL for the {@code cdr} table. Thread-safe. */
public final class JdbiCdrStore implements CdrStore {
    private static final String COLUMNS = "id, call_id, caller, callee, started_at, answered_at, ended_at, duration_seconds, "
            + "billable_seconds, disposition, hangup_cause, codec, caller_address, callee_address, status, caller_auth_user";
    private static final String NEWEST_FIRST = " ORDER BY started_at DESC, id DESC";
    private static final RowMapper<Cdr> MAPPER = (rs, ctx) -> {
        long answered = rs.getLong("answered_at");
        boolean wasAnswered = !rs.wasNull();
        return new Cdr(
                rs.getLong("id"),
                rs.getString("call_id"),
                rs.getString("caller"),
                rs.getString("callee"),
                Instant.ofEpochMilli(rs.getLong("started_at")),
                wasAnswered ? Instant.ofEpochMilli(answered) : null,
                Instant.ofEpochMilli(rs.getLong("ended_at")),
                rs.getLong("duration_seconds"),
                rs.getLong("billable_seconds"),
                Disposition.parse(rs.getString("disposition")).orElseThrow(),
                rs.getString("hangup_cause"),
                rs.getString("codec"),
                rs.getString("caller_address"),
                rs.getString("callee_address"),
                CdrStatus.parse(rs.getString("status")).orElseThrow(),
                rs.getString("caller_auth_user"));
    };
    // A record written again (a retried batch, a heartbeat, the end of an answered call) replaces
    // the row, except that an open entry never reopens a complete row (a heartbeat racing the end).
    private static final String UPSERT = """
            INSERT INTO cdr (call_id, caller, callee, started_at, answered_at, ended_at, duration_seconds,
                             billable_seconds, disposition, hangup_cause, codec, caller_address, callee_address,
                             status, caller_auth_user, created_at, updated_at)
            VALUES (:callId, :caller, :callee, :startedAt, :answeredAt, :endedAt, :duration, :billable,
                    :disposition, :hangupCause, :codec, :callerAddress, :calleeAddress, :status, :callerAuthUser, :now, :now)
            ON CONFLICT (call_id) DO UPDATE SET
                caller = excluded.caller, callee = excluded.callee, started_at = excluded.started_at,
                answered_at = excluded.answered_at, ended_at = excluded.ended_at,
                duration_seconds = excluded.duration_seconds, billable_seconds = excluded.billable_seconds,
                disposition = excluded.disposition, hangup_cause = excluded.hangup_cause, codec = excluded.codec,
                caller_address = excluded.caller_address, callee_address = excluded.callee_address,
                status = excluded.status, caller_auth_user = excluded.caller_auth_user, updated_at = excluded.updated_at
            WHERE cdr.status <> 'complete' OR excluded.status = 'complete'""";
    private static final String CLOSE_INTERRUPTED = """
            UPDATE cdr SET status = 'interrupted', hangup_cause = :cause, updated_at = :now
            WHERE status = 'open' AND ended_at <= :lastKnownUpBefore""";

    private final Database database;
    private final InstantSource clock;

    /** @param clock stamps {@code created_at}/{@code updated_at} when a batch is written */
    public JdbiCdrStore(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public BatchSink<CallRecord> batchSink() {
        BatchSink<CdrEntry> entries = entrySink();
        return (handle, batch) -> entries.write(handle, batch.stream().map(CdrEntry::complete).toList());
    }

    @Override
    public BatchSink<CdrEntry> entrySink() {
        return (handle, batch) -> {
            var statement = handle.prepareBatch(UPSERT);
            Instant now = clock.instant();
            for (CdrEntry entry : batch) {
                CallRecord r = entry.call();
                statement.bind("callId", r.callId())
                        .bind("caller", r.caller())
                        .bind("callee", r.callee())
                        .bind("startedAt", r.startedAt())
                        .bind("answeredAt", r.answeredAt() == null ? null : r.answeredAt().toEpochMilli())
                        .bind("endedAt", r.endedAt())
                        .bind("duration", r.durationSeconds())
                        .bind("billable", r.billableSeconds())
                        .bind("disposition", r.disposition().label())
                        .bind("hangupCause", r.hangupCause())
                        .bind("codec", r.codec())
                        .bind("callerAddress", r.callerAddress())
                        .bind("calleeAddress", r.calleeAddress())
                        .bind("status", entry.status().label())
                        .bind("callerAuthUser", r.callerAuthUser())
                        .bind("now", now)
                        .add();
            }
            statement.execute();
        };
    }

    @Override
    public int closeInterrupted(Instant lastKnownUpBefore, String cause) {
        return database.write(h -> h.createUpdate(CLOSE_INTERRUPTED)
                .bind("cause", cause)
                .bind("now", clock.instant())
                .bind("lastKnownUpBefore", lastKnownUpBefore)
                .execute());
    }

    private static final String QOS_COLUMNS = "call_id, role, party, packets_received, packets_expected, packets_lost, "
            + "loss_percent, jitter_ms, reported_loss_percent, reported_jitter_ms, round_trip_ms, mos, recorded_at";
    private static final RowMapper<QosMetric> QOS_MAPPER = (rs, ctx) -> new QosMetric(
            rs.getString("call_id"), rs.getString("role"), rs.getString("party"), rs.getLong("packets_received"),
            rs.getLong("packets_expected"), rs.getLong("packets_lost"), rs.getDouble("loss_percent"),
            rs.getDouble("jitter_ms"), rs.getObject("reported_loss_percent") == null ? null : rs.getDouble("reported_loss_percent"),
            rs.getObject("reported_jitter_ms") == null ? null : rs.getDouble("reported_jitter_ms"),
            rs.getObject("round_trip_ms") == null ? null : rs.getDouble("round_trip_ms"), rs.getDouble("mos"),
            Instant.ofEpochMilli(rs.getLong("recorded_at")));

    @Override
    public void saveQuality(List<QosMetric> legs) {
        database.execute(h -> {
            for (QosMetric m : legs) {
                h.createUpdate("INSERT INTO qos_metrics (" + QOS_COLUMNS + ") VALUES (:callId, :role, :party, :received, "
                                + ":expected, :lost, :lossPercent, :jitterMs, :reportedLoss, :reportedJitter, :roundTrip, :mos, :at) "
                                + "ON CONFLICT (call_id, role) DO UPDATE SET party = excluded.party, "
                                + "packets_received = excluded.packets_received, packets_expected = excluded.packets_expected, "
                                + "packets_lost = excluded.packets_lost, loss_percent = excluded.loss_percent, "
                                + "jitter_ms = excluded.jitter_ms, reported_loss_percent = excluded.reported_loss_percent, "
                                + "reported_jitter_ms = excluded.reported_jitter_ms, round_trip_ms = excluded.round_trip_ms, "
                                + "mos = excluded.mos, "
                                + "recorded_at = excluded.recorded_at")
                        .bind("callId", m.callId()).bind("role", m.role()).bind("party", m.party())
                        .bind("received", m.packetsReceived()).bind("expected", m.packetsExpected())
                        .bind("lost", m.packetsLost()).bind("lossPercent", m.lossPercent()).bind("jitterMs", m.jitterMs())
                        .bind("reportedLoss", m.reportedLossPercent()).bind("reportedJitter", m.reportedJitterMs())
                        .bind("roundTrip", m.roundTripMs())
                        .bind("mos", m.mos()).bind("at", m.recordedAt())
                        .execute();
            }
        });
    }

    @Override
    public List<QosMetric> quality(String callId) {
        return database.read(h -> h.createQuery("SELECT " + QOS_COLUMNS + " FROM qos_metrics WHERE call_id = :callId "
                        + "ORDER BY CASE role WHEN 'caller' THEN 0 ELSE 1 END, role")
                .bind("callId", callId)
                .map(QOS_MAPPER)
                .list());
    }

    @Override
    public Optional<Cdr> findByCallId(String callId) {
        return database.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM cdr WHERE call_id = :callId")
                .bind("callId", callId)
                .map(MAPPER)
                .findOne());
    }

    @Override
    public CdrPage page(CdrFilter filter, int limit, long offset) {
        Where where = Where.of(filter, Optional.empty());
        // One snapshot for the page and its total (a plain read on SQLite is one snapshot per statement).
        return database.write(h -> {
            List<Cdr> items = where.bind(h.createQuery("SELECT " + COLUMNS + " FROM cdr" + where.sql() + NEWEST_FIRST
                            + " LIMIT :limit OFFSET :offset"))
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map(MAPPER)
                    .list();
            long total = where.bind(h.createQuery("SELECT COUNT(*) FROM cdr" + where.sql())).mapTo(Long.class).one();
            return new CdrPage(items, total);
        });
    }

    @Override
    public List<Cdr> after(CdrFilter filter, Optional<CdrPosition> after, int limit) {
        Where where = Where.of(filter, after);
        return database.read(h -> where.bind(h.createQuery("SELECT " + COLUMNS + " FROM cdr" + where.sql() + NEWEST_FIRST
                        + " LIMIT :limit"))
                .bind("limit", limit)
                .map(MAPPER)
                .list());
    }

    /** The WHERE clause for a filter and an optional keyset position, and the values it binds. */
    private record Where(CdrFilter filter, Optional<CdrPosition> after, String sql) {
        static Where of(CdrFilter f, Optional<CdrPosition> after) {
            List<String> terms = new ArrayList<>();
            if (f.extension() != null) {
                // Two indexed equalities rather than IN over two columns: both engines use an index for each.
                terms.add("(caller = :extension OR callee = :extension)");
            }
            if (f.from() != null) {
                terms.add("started_at >= :from");
            }
            if (f.to() != null) {
                terms.add("started_at < :to");
            }
            if (f.disposition() != null) {
                terms.add("disposition = :disposition");
            }
            if (after.isPresent()) {
                terms.add("(started_at < :afterStartedAt OR (started_at = :afterStartedAt AND id < :afterId))");
            }
            return new Where(f, after, terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms));
        }

        <S extends SqlStatement<S>> S bind(S statement) {
            if (filter.extension() != null) {
                statement.bind("extension", filter.extension());
            }
            if (filter.from() != null) {
                statement.bind("from", filter.from());
            }
            if (filter.to() != null) {
                statement.bind("to", filter.to());
            }
            if (filter.disposition() != null) {
                statement.bind("disposition", filter.disposition().label());
            }
            after.ifPresent(p -> statement.bind("afterStartedAt", p.startedAt()).bind("afterId", p.id()));
            return statement;
        }
    }
}
