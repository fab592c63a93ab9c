package org.switchboard.pbx.routing;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.SipCredentials;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.dialplan.DialPlanRule;
import org.switchboard.store.dialplan.DialPlanRuleStore;
import org.switchboard.store.dialplan.NewDialPlanRule;

/**
 * The single entry point for the dial plan (API, CLI, config seed, call control): checks and
 * writes rules through the store, and keeps the compiled {@link DialPlan} in memory, rebuilt from
 * the database after every committed change, so {@link #route} never waits on SQL. Whether a
 * callee extension exists is asked of {@link ExtensionService}'s in-memory cache.
 *
 * <p>Thread-safe: changes and reloads are serialized by one lock; the current plan is an
 * immutable object published through a volatile field that {@link #route} reads without locking,
 * so call executors may route at any time. Never call the writing methods from an event loop.
 */
public final class DialPlanService {
    private static final Logger log = LoggerFactory.getLogger(DialPlanService.class);

    private final DialPlanRuleStore store;
    private final DestinationKinds kinds;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile DialPlan plan = new DialPlan(List.of());
    private volatile Optional<PriorityRoute> first = Optional.empty();

    /**
     * Starts with the built-in destination kinds ({@code extension}, {@code feature},
     * {@code reject}); feature modules add theirs through {@link #kinds()}.
     *
     * @param events where each committed change is published as {@code ConfigChanged("dialplan_rule", id)}
     */
    public DialPlanService(DialPlanRuleStore store, ExtensionService extensions, Clock clock, EventBus events) {
        this.store = store;
        this.kinds = DestinationKinds.builtIn(number -> extensions.findCredentials(number).map(SipCredentials::enabled));
        this.clock = clock;
        this.events = events;
    }

    /** Adds a rule; {@link ValidationException} naming the field, {@link ConflictException} on "priority". */
    public DialPlanRule create(NewDialPlanRule rule, String actor) {
        RuleCheck.check(rule, kinds);
        changes.lock();
        try {
            DialPlanRule saved = store.create(rule, clock.instant());
            reloadCache();
            published(saved.id(), Change.CREATED);
            log.info("dial-plan rule created id={} priority={} pattern={} action={} by={}",
                    saved.id(), saved.priority(), saved.pattern(), saved.action().key(), actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Replaces rule {@code id}; {@link NotFoundException} if absent. */
    public DialPlanRule update(long id, NewDialPlanRule rule, String actor) {
        RuleCheck.check(rule, kinds);
        changes.lock();
        try {
            DialPlanRule saved = store.update(id, rule, clock.instant());
            reloadCache();
            published(id, Change.UPDATED);
            log.info("dial-plan rule updated id={} priority={} pattern={} action={} by={}",
                    id, saved.priority(), saved.pattern(), saved.action().key(), actor);
            return saved;
        } finally {
            changes.unlock();
        }
    }

    /** Deletes rule {@code id}; {@link NotFoundException} if absent. */
    public void delete(long id, String actor) {
        changes.lock();
        try {
            store.delete(id);
            reloadCache();
            published(id, Change.DELETED);
            log.info("dial-plan rule deleted id={} by={}", id, actor);
        } finally {
            changes.unlock();
        }
    }

    /** Rule {@code id}, read from the database; {@link NotFoundException} if absent. */
    public DialPlanRule get(long id) {
        return store.findById(id).orElseThrow(() -> new NotFoundException("dial-plan rule", "id " + id));
    }

    /** Every rule in the order they are tried, read from the database. */
    public List<DialPlanRule> list() {
        return store.list();
    }

    /** How many rules exist (the seed asks before copying the config's section). */
    public long count() {
        return store.count();
    }

    /** Where a call from {@code caller} dialling {@code dialled} goes, and why; from memory, no SQL. */
    public RoutingDecision route(String caller, String dialled) {
        return first.flatMap(p -> p.route(caller, dialled)).orElseGet(() -> plan.route(caller, dialled, kinds));
    }

    /** Lets {@code route} decide before any rule is tried (emergency numbers); set while the node is wired. */
    public void putFirst(PriorityRoute route) {
        first = Optional.of(route);
    }

    /** The destination kinds rules may name; a feature module registers its own here while the node is wired. */
    public DestinationKinds kinds() {
        return kinds;
    }

    private void published(long id, Change change) {
        events.publish(new ConfigChanged(clock.instant(), "dialplan_rule", Long.toString(id), change));
    }

    /** Rebuilds the plan from the database: at start, after each change, and on a change notice from another node. */
    public void reloadCache() {
        changes.lock();
        try {
            plan = new DialPlan(store.list());
        } finally {
            changes.unlock();
        }
    }
}
