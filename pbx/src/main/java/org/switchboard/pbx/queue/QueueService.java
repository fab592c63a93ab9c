package org.switchboard.pbx.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.QueueActivity;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemberExtensions;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.pbx.routing.DestinationFields;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.queue.AgentState;
import org.switchboard.store.queue.CallQueue;
import org.switchboard.store.queue.CallQueueStore;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.QueueAction;
import org.switchboard.store.queue.QueueCall;
import org.switchboard.store.queue.Skills;

/**
 * The single entry point for call queues and agents' states (API, the {@code queue} and {@code
 * queue_agent} destination kinds, calls): checks that members are extensions, that the timeout action
 * is a destination the dial plan knows and that the music class exists, writes through, and keeps
 * queues and agent states in memory for calls, which read them on call executors. After a change of
 * an agent's state the live queues are told, so a caller waiting for an agent is offered one at once.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database
 * published through volatile maps that calls read without locking. The changing methods block:
 * never call them on an event loop or a call thread.
 */
public final class QueueService {
    private static final Logger log = LoggerFactory.getLogger(QueueService.class);

    /** Whether a music-on-hold class exists (memory only). */
    @FunctionalInterface
    public interface MusicClasses {
        boolean exists(String name);
    }

    private final CallQueueStore store;
    private final ExtensionService extensions;
    private final DestinationKinds kinds;
    private final MusicClasses music;
    private final Clock clock;
    private final EventBus events;
    private final NamedRecords<CallQueue> queues;
    private volatile Map<String, AgentState> agents = Map.of();
    private volatile Map<String, Map<String, Integer>> skills = Map.of();
    private volatile Runnable agentsChanged = () -> { };

    public QueueService(CallQueueStore store, ExtensionService extensions, DestinationKinds kinds, MusicClasses music,
            Clock clock, EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.kinds = kinds;
        this.music = music;
        this.clock = clock;
        this.events = events;
        this.queues = new NamedRecords<>("queue", "queue", CallQueue::name, store::list, this::loadAgents, clock, events);
    }

    /** What runs after an agent's state changed (the live queues offer waiting callers to the agent). */
    public void onAgentsChanged(Runnable action) {
        agentsChanged = action;
    }

    /** Every queue, by name, from memory. */
    public List<CallQueue> list() {
        return queues.list();
    }

    /** The queue called {@code name}, from memory. */
    public Optional<CallQueue> find(String name) {
        return queues.find(name);
    }

    /** The queue called {@code name}; {@link NotFoundException} when there is none. */
    public CallQueue get(String name) {
        return queues.get(name);
    }

    public CallQueue create(NewCallQueue queue, String actor) {
        return queues.change(queue.name(), Change.CREATED, actor, () -> {
            check(queue);
            return store.create(queue, clock.instant());
        });
    }

    /** Replaces queue {@code name}; a queue keeps its name (dial-plan rules name it). */
    public CallQueue update(String name, NewCallQueue queue, String actor) {
        if (!queue.name().equals(name)) {
            throw new ValidationException("name", "must be the queue's name in the URL: queues are not renamed");
        }
        return queues.change(name, Change.UPDATED, actor, () -> {
            get(name);
            check(queue);
            return store.update(name, queue, clock.instant());
        });
    }

    public void delete(String name, String actor) {
        queues.remove(name, actor, () -> {
            get(name);
            store.delete(name);
        });
    }

    /** The outcomes of queue {@code name}'s callers, the latest first, at most {@code limit}; {@link NotFoundException} for no queue. */
    public List<QueueCall> calls(String name, int limit) {
        get(name);
        return store.calls(name, limit);
    }

    /** Extension {@code number}'s agent state, from memory (logged in and not paused when never changed). */
    public AgentState agent(String number) {
        AgentState state = agents.get(number);
        return state != null ? state : new AgentState(number, true, false, Instant.EPOCH);
    }

    /** Extension {@code number}'s skills (name to level 1-10), from memory; empty when it has none. */
    public Map<String, Integer> skillsOf(String number) {
        return skills.getOrDefault(number, Map.of());
    }

    /** Replaces agent {@code number}'s skills; {@link NotFoundException} when it is no queue's member. */
    public Map<String, Integer> setSkills(String number, Map<String, Integer> levels, String actor) {
        Map<String, Integer> checked = Skills.checked(levels, "skills");
        queues.locked(() -> {
            if (queuesOf(number).isEmpty()) {
                throw new NotFoundException("queue agent", number);
            }
            store.saveAgentSkills(number, checked);
            reloadCache();
            log.info("queue agent skills changed extension={} skills={} by={}", number, checked, actor);
            return checked;
        });
        agentsChanged.run();
        return checked;
    }

    /** The extensions that are members of at least one queue, by number. */
    public List<String> agentNumbers() {
        return list().stream().flatMap(q -> q.values().members().stream()).distinct().sorted().toList();
    }

    /** The queues extension {@code number} is a member of, by name. */
    public List<String> queuesOf(String number) {
        return list().stream().filter(q -> q.values().members().contains(number)).map(CallQueue::name).toList();
    }

    /**
     * Logs agent {@code number} in or out, or pauses or unpauses it (an absent value keeps the current
     * one); {@link NotFoundException} when it is no queue's member.
     */
    public AgentState setAgent(String number, Optional<Boolean> loggedIn, Optional<Boolean> paused, String actor) {
        AgentState saved = queues.locked(() -> {
            if (queuesOf(number).isEmpty()) {
                throw new NotFoundException("queue agent", number);
            }
            AgentState now = agent(number);
            AgentState stored = store.saveAgent(number, loggedIn.orElse(now.loggedIn()), paused.orElse(now.paused()),
                    clock.instant());
            reloadCache();
            log.info("queue agent changed extension={} logged_in={} paused={} by={}", number, stored.loggedIn(),
                    stored.paused(), actor);
            String activity = loggedIn.isPresent() ? (stored.loggedIn() ? "agent_logged_in" : "agent_logged_out")
                    : (stored.paused() ? "agent_paused" : "agent_unpaused");
            for (String queue : queuesOf(number)) {
                events.publish(new QueueActivity(stored.updatedAt(), queue, activity, "", "", number, 0));
            }
            return stored;
        });
        agentsChanged.run();
        return saved;
    }

    /** Loads the queues and agent states from the database: at start, after each change, after an extension changed. */
    public void reloadCache() {
        queues.reload();
    }

    /** Reads the agents' states and skills, alongside the queues (under their lock). */
    private void loadAgents() {
        agents = store.agents().stream().collect(Collectors.toUnmodifiableMap(AgentState::extension, Function.identity()));
        skills = store.agentSkills();
    }

    /** The check of a target naming a queue: {@link ValidationException} on {@code field} unless the queue exists. */
    void checkName(String name, String field) {
        if (queues.find(name).isEmpty()) {
            throw new ValidationException(field, "must name a queue (" + String.join(", ", queues.keys()) + ")");
        }
    }

    private void check(NewCallQueue queue) {
        MemberExtensions.check(extensions, queue.members());
        queue.timeoutAction().ifPresent(a -> checkTimeoutAction(queue.name(), a));
        queue.mohClass().ifPresent(c -> {
            if (!music.exists(c)) {
                throw new ValidationException("moh_class", "must name a music-on-hold class");
            }
        });
        queue.voicemailExit().ifPresent(exit -> {
            DestinationKind voicemail = kinds.find(QueueCaller.VOICEMAIL).orElseThrow(() -> new ValidationException(
                    "voicemail_exit", "needs the voicemail module, which this node does not run"));
            try {
                voicemail.checkTarget(exit.box());
            } catch (ValidationException e) {
                throw new ValidationException("voicemail_exit.box", e.getMessage());
            }
        });
    }

    private void checkTimeoutAction(String queue, QueueAction action) {
        DestinationKind kind = DestinationFields.kind(kinds, "timeout_action", action.action());
        if (kind.name().equals(QueueApplication.KIND) && action.target().equals(queue)) {
            throw new ValidationException("timeout_action.target", "must not be the queue itself");
        }
        DestinationFields.checkTarget(kind, "timeout_action", action.target());
    }
}
