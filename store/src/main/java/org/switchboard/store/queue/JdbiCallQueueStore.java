package org.switchboard.store.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.switchboard.store.db.Database;
import org.switchboard.store.db.ExtensionMembers;
import org.switchboard.store.db.NotFoundException;

/** {@link CallQueueStore} on the shared {@link Database}; the only SQL for {@code call_queues}, {@code queue_*}. Thread-safe. */
public final class JdbiCallQueueStore implements CallQueueStore {
    private static final ExtensionMembers MEMBERS = new ExtensionMembers("queue_members", "queue_id");
    private static final String COLUMNS = "name, strategy, ring_seconds, wrap_up_seconds, max_wait_seconds, max_callers,"
            + " timeout_action, timeout_target, moh_class, announce_seconds, voicemail_digit, voicemail_box,"
            + " service_level_seconds, callback_digit, callback_max_attempts, callback_retry_seconds";

    private final Database database;

    public JdbiCallQueueStore(Database database) {
        this.database = database;
    }

    @Override
    public List<CallQueue> list() {
        return database.read(h -> load(h, "", Map.of()));
    }

    @Override
    public Optional<CallQueue> find(String name) {
        return database.read(h -> byName(h, name));
    }

    @Override
    public CallQueue create(NewCallQueue queue, Instant now) {
        return database.write(h -> {
            long id = h.createUpdate("INSERT INTO call_queues (" + COLUMNS + ", created_at, updated_at) VALUES (:name,"
                            + " :strategy, :ringSeconds, :wrapUpSeconds, :maxWaitSeconds, :maxCallers, :timeoutAction,"
                            + " :timeoutTarget, :mohClass, :announceSeconds, :voicemailDigit, :voicemailBox,"
                            + " :serviceLevelSeconds, :callbackDigit, :callbackMaxAttempts, :callbackRetrySeconds, :now, :now)")
                    .bindMap(columns(queue, now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            MEMBERS.replace(h, id, queue.members());
            insertRequirements(h, id, queue.skillRequirements());
            return byName(h, queue.name()).orElseThrow();
        });
    }

    @Override
    public CallQueue update(String name, NewCallQueue queue, Instant now) {
        return database.write(h -> {
            CallQueue existing = byName(h, name).orElseThrow(() -> new NotFoundException("queue", name));
            h.createUpdate("""
                            UPDATE call_queues SET name = :name, strategy = :strategy, ring_seconds = :ringSeconds,
                                wrap_up_seconds = :wrapUpSeconds, max_wait_seconds = :maxWaitSeconds,
                                max_callers = :maxCallers, timeout_action = :timeoutAction,
                                timeout_target = :timeoutTarget, moh_class = :mohClass,
                                announce_seconds = :announceSeconds, voicemail_digit = :voicemailDigit,
                                voicemail_box = :voicemailBox, service_level_seconds = :serviceLevelSeconds,
                                callback_digit = :callbackDigit, callback_max_attempts = :callbackMaxAttempts,
                                callback_retry_seconds = :callbackRetrySeconds, updated_at = :now
                            WHERE id = :id""")
                    .bindMap(columns(queue, now))
                    .bind("id", existing.id())
                    .execute();
            MEMBERS.replace(h, existing.id(), queue.members());
            h.createUpdate("DELETE FROM queue_skill_requirements WHERE queue_id = :id").bind("id", existing.id()).execute();
            insertRequirements(h, existing.id(), queue.skillRequirements());
            return byName(h, queue.name()).orElseThrow();
        });
    }

    @Override
    public void delete(String name) {
        database.execute(h -> {
            if (h.createUpdate("DELETE FROM call_queues WHERE name = :name").bind("name", name).execute() == 0) {
                throw new NotFoundException("queue", name);
            }
        });
    }

    @Override
    public List<AgentState> agents() {
        return database.read(h -> h.createQuery(
                        "SELECT extension_number, logged_in, paused, updated_at FROM queue_agents ORDER BY extension_number")
                .map((rs, ctx) -> new AgentState(rs.getString("extension_number"), rs.getBoolean("logged_in"),
                        rs.getBoolean("paused"), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list());
    }

    @Override
    public AgentState saveAgent(String extension, boolean loggedIn, boolean paused, Instant now) {
        database.execute(h -> h.createUpdate("""
                        INSERT INTO queue_agents (extension_number, logged_in, paused, updated_at)
                        VALUES (:extension, :loggedIn, :paused, :now)
                        ON CONFLICT (extension_number)
                        DO UPDATE SET logged_in = :loggedIn, paused = :paused, updated_at = :now""")
                .bind("extension", extension)
                .bind("loggedIn", loggedIn)
                .bind("paused", paused)
                .bind("now", now.toEpochMilli())
                .execute());
        return new AgentState(extension, loggedIn, paused, now);
    }

    @Override
    public List<QueueCall> calls(String queue, int limit) {
        return database.read(h -> h.createQuery("""
                        SELECT call_id, queue_name, caller, outcome, agent, joined_at, left_at FROM queue_calls
                        WHERE queue_name = :queue ORDER BY left_at DESC, id DESC LIMIT :limit""")
                .bind("queue", queue)
                .bind("limit", limit)
                .map((rs, ctx) -> new QueueCall(rs.getString("call_id"), rs.getString("queue_name"), rs.getString("caller"),
                        rs.getString("outcome"), Optional.ofNullable(rs.getString("agent")),
                        Instant.ofEpochMilli(rs.getLong("joined_at")), Instant.ofEpochMilli(rs.getLong("left_at"))))
                .list());
    }

    /**
     * Writes a batch of queue outcomes (a {@link org.switchboard.store.db.BatchSink}): idempotent, so a batch
     * written again after a failure leaves one row per caller's stay.
     */
    public static void writeCalls(Handle h, List<QueueCall> batch) {
        for (QueueCall call : batch) {
            h.createUpdate("""
                            INSERT INTO queue_calls (call_id, queue_name, caller, outcome, agent, joined_at, left_at,
                                wait_seconds)
                            VALUES (:callId, :queue, :caller, :outcome, :agent, :joinedAt, :leftAt, :waitSeconds)
                            ON CONFLICT (call_id, queue_name, joined_at) DO NOTHING""")
                    .bind("callId", call.callId())
                    .bind("queue", call.queue())
                    .bind("caller", call.caller())
                    .bind("outcome", call.outcome())
                    .bind("agent", call.agent().orElse(null))
                    .bind("joinedAt", call.joinedAt().toEpochMilli())
                    .bind("leftAt", call.leftAt().toEpochMilli())
                    .bind("waitSeconds", call.waited().toSeconds())
                    .execute();
        }
    }

    @Override
    public Map<String, Map<String, Integer>> agentSkills() {
        return database.read(h -> h.createQuery("""
                        SELECT a.extension_number, s.name, a.level FROM agent_skills a JOIN skills s ON s.id = a.skill_id""")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)})
                .stream()
                .collect(Collectors.groupingBy(row -> (String) row[0],
                        Collectors.toUnmodifiableMap(row -> (String) row[1], row -> (Integer) row[2]))));
    }

    @Override
    public void saveAgentSkills(String extension, Map<String, Integer> skills) {
        database.execute(h -> {
            h.createUpdate("DELETE FROM agent_skills WHERE extension_number = :extension").bind("extension", extension).execute();
            for (Map.Entry<String, Integer> skill : skills.entrySet()) {
                h.createUpdate("INSERT INTO agent_skills (extension_number, skill_id, level) VALUES (:extension, :skill, :level)")
                        .bind("extension", extension)
                        .bind("skill", skillId(h, skill.getKey()))
                        .bind("level", skill.getValue())
                        .execute();
            }
        });
    }

    private static void insertRequirements(Handle h, long queueId, Map<String, Integer> requirements) {
        for (Map.Entry<String, Integer> skill : requirements.entrySet()) {
            h.createUpdate("INSERT INTO queue_skill_requirements (queue_id, skill_id, min_level) VALUES (:queue, :skill, :level)")
                    .bind("queue", queueId)
                    .bind("skill", skillId(h, skill.getKey()))
                    .bind("level", skill.getValue())
                    .execute();
        }
    }

    /** The id of skill {@code name}, made when nobody named it before. */
    private static long skillId(Handle h, String name) {
        h.createUpdate("INSERT INTO skills (name) VALUES (:name) ON CONFLICT (name) DO NOTHING").bind("name", name).execute();
        return h.createQuery("SELECT id FROM skills WHERE name = :name").bind("name", name).mapTo(Long.class).one();
    }

    private static Map<String, Object> columns(NewCallQueue queue, Instant now) {
        // Map.of refuses nulls: what a queue leaves out is stored as NULL.
        HashMap<String, Object> columns = new HashMap<>();
        columns.put("name", queue.name());
        columns.put("strategy", queue.strategy().key());
        columns.put("ringSeconds", queue.ringSeconds());
        columns.put("wrapUpSeconds", queue.wrapUpSeconds());
        columns.put("maxWaitSeconds", queue.maxWaitSeconds());
        columns.put("maxCallers", queue.maxCallers());
        columns.put("timeoutAction", queue.timeoutAction().map(QueueAction::action).orElse(null));
        columns.put("timeoutTarget", queue.timeoutAction().map(QueueAction::target).orElse(null));
        columns.put("mohClass", queue.mohClass().orElse(null));
        columns.put("announceSeconds", queue.announceSeconds());
        columns.put("voicemailDigit", queue.voicemailExit().map(e -> String.valueOf(e.digit())).orElse(null));
        columns.put("voicemailBox", queue.voicemailExit().map(VoicemailExit::box).orElse(null));
        columns.put("serviceLevelSeconds", queue.serviceLevelSeconds());
        // without a callback the tries and spacing keep the column defaults' values, unused
        columns.put("callbackDigit", queue.callback().map(c -> String.valueOf(c.digit())).orElse(null));
        columns.put("callbackMaxAttempts", queue.callback().map(QueueCallback::maxAttempts).orElse(3));
        columns.put("callbackRetrySeconds", queue.callback().map(QueueCallback::retrySeconds).orElse(60));
        columns.put("now", now.toEpochMilli());
        return columns;
    }

    private static Optional<CallQueue> byName(Handle h, String name) {
        return load(h, " WHERE name = :name", Map.of("name", name)).stream().findFirst();
    }

    /** One row of {@code call_queues}, before its members are read. */
    private record Row(long id, String name, QueueStrategy strategy, int ringSeconds, int wrapUpSeconds, int maxWaitSeconds,
                       int maxCallers, Optional<QueueAction> timeoutAction, Optional<String> mohClass, int announceSeconds,
                       Optional<VoicemailExit> voicemailExit, int serviceLevelSeconds, Optional<QueueCallback> callback,
                       Instant createdAt, Instant updatedAt) {}

    /** The queues {@code where} selects, each with its members in order. */
    private static List<CallQueue> load(Handle h, String where, Map<String, Object> params) {
        List<Row> rows = h.createQuery("SELECT id, " + COLUMNS + ", created_at, updated_at FROM call_queues" + where
                        + " ORDER BY name")
                .bindMap(params)
                .map((rs, ctx) -> {
                    String action = rs.getString("timeout_action");
                    String target = rs.getString("timeout_target");
                    String digit = rs.getString("voicemail_digit");
                    String box = rs.getString("voicemail_box");
                    String callbackDigit = rs.getString("callback_digit");
                    int callbackAttempts = rs.getInt("callback_max_attempts");
                    int callbackRetry = rs.getInt("callback_retry_seconds");
                    return new Row(rs.getLong("id"), rs.getString("name"),
                            QueueStrategy.parse(rs.getString("strategy")).orElseThrow(), rs.getInt("ring_seconds"),
                            rs.getInt("wrap_up_seconds"), rs.getInt("max_wait_seconds"), rs.getInt("max_callers"),
                            Optional.ofNullable(action).map(a -> new QueueAction(a, target)),
                            Optional.ofNullable(rs.getString("moh_class")), rs.getInt("announce_seconds"),
                            Optional.ofNullable(digit).map(d -> new VoicemailExit(d.charAt(0), box)),
                            rs.getInt("service_level_seconds"),
                            Optional.ofNullable(callbackDigit).map(d -> new QueueCallback(d.charAt(0), callbackAttempts,
                                    callbackRetry)),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            Instant.ofEpochMilli(rs.getLong("updated_at")));
                })
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> members = MEMBERS.of(h, rows.stream().map(Row::id).toList());
        Map<Long, Map<String, Integer>> requirements = h.createQuery("""
                        SELECT r.queue_id, s.name, r.min_level FROM queue_skill_requirements r JOIN skills s ON s.id = r.skill_id
                        WHERE r.queue_id IN (<ids>)""")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)})
                .stream()
                .collect(Collectors.groupingBy(row -> (Long) row[0],
                        Collectors.toMap(row -> (String) row[1], row -> (Integer) row[2])));
        List<CallQueue> queues = new ArrayList<>(rows.size());
        for (Row r : rows) {
            queues.add(new CallQueue(r.id(), new NewCallQueue(r.name(), r.strategy(), members.getOrDefault(r.id(), List.of()),
                    r.ringSeconds(), r.wrapUpSeconds(), r.maxWaitSeconds(), r.maxCallers(), r.timeoutAction(), r.mohClass(),
                    r.announceSeconds(), r.voicemailExit(), r.serviceLevelSeconds(), requirements.getOrDefault(r.id(), Map.of()),
                    r.callback()),
                    r.createdAt(), r.updatedAt()));
        }
        return queues;
    }

    @Override
    public CallbackRequest addCallback(String queue, String number, String callId, Instant enqueuedAt, Instant now) {
        return database.write(h -> {
            CallQueue owner = byName(h, queue).orElseThrow(() -> new NotFoundException("queue", queue));
            long id = h.createUpdate("""
                            INSERT INTO callback_requests (queue_id, number, call_id, enqueued_at, state, attempts, created_at,
                                updated_at)
                            VALUES (:queue, :number, :callId, :enqueuedAt, 'waiting', 0, :now, :now)""")
                    .bind("queue", owner.id())
                    .bind("number", number)
                    .bind("callId", callId)
                    .bind("enqueuedAt", enqueuedAt.toEpochMilli())
                    .bind("now", now.toEpochMilli())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            return callbacks(h, " AND r.id = :id", Map.of("id", id)).getFirst();
        });
    }

    @Override
    public List<CallbackRequest> callbacks(String queue) {
        return database.read(h -> callbacks(h, " AND q.name = :name", Map.of("name", queue)));
    }

    @Override
    public List<CallbackRequest> pendingCallbacks() {
        return database.read(h -> callbacks(h, " AND r.state IN ('waiting', 'calling')", Map.of()));
    }

    @Override
    public void saveCallback(long id, String state, int attempts, Instant now) {
        database.execute(h -> h.createUpdate(
                        "UPDATE callback_requests SET state = :state, attempts = :attempts, updated_at = :now WHERE id = :id")
                .bind("state", state)
                .bind("attempts", attempts)
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute());
    }

    @Override
    public void deleteCallback(String queue, long id) {
        database.execute(h -> {
            int deleted = h.createUpdate("""
                            DELETE FROM callback_requests
                            WHERE id = :id AND queue_id = (SELECT id FROM call_queues WHERE name = :name)""")
                    .bind("id", id)
                    .bind("name", queue)
                    .execute();
            if (deleted == 0) {
                throw new NotFoundException("callback", queue + "/" + id);
            }
        });
    }

    /** The callback requests {@code where} selects, first in line first. */
    private static List<CallbackRequest> callbacks(Handle h, String where, Map<String, Object> params) {
        return h.createQuery("""
                        SELECT r.id, q.name, r.number, r.call_id, r.enqueued_at, r.state, r.attempts, r.created_at, r.updated_at
                        FROM callback_requests r JOIN call_queues q ON q.id = r.queue_id
                        WHERE 1 = 1""" + where + " ORDER BY r.enqueued_at, r.id")
                .bindMap(params)
                .map((rs, ctx) -> new CallbackRequest(rs.getLong("id"), rs.getString("name"), rs.getString("number"),
                        rs.getString("call_id"), Instant.ofEpochMilli(rs.getLong("enqueued_at")), rs.getString("state"),
                        rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list();
    }
}
