package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.NewTimeRule;
import org.switchboard.store.route.NewTimeRule.Branch;
import org.switchboard.store.route.TimeRule;
import org.switchboard.store.route.TimeRuleStore;

/**
 * The single entry point for time rules (API, calls through {@link TimeRuleKind}): checks that each
 * branch is a destination kind the dial plan knows, other than a time rule (so a choice never leads
 * to another choice, and no loop can form), with a target of that kind; writes through, and keeps
 * the rules in memory for calls ({@link #find}).
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload published through
 * a volatile map that calls read without locking. The changing methods block: never call them on
 * an event loop or a call thread.
 */
public final class TimeRuleService {
    private static final Logger log = LoggerFactory.getLogger(TimeRuleService.class);

    private final TimeRuleStore store;
    private final DestinationKinds kinds;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Map<String, TimeRule> rules = Map.of();

    public TimeRuleService(TimeRuleStore store, DestinationKinds kinds, Clock clock, EventBus events) {
        this.store = store;
        this.kinds = kinds;
        this.clock = clock;
        this.events = events;
    }

    /** Every rule, by name, from memory. */
    public List<TimeRule> list() {
        return rules.values().stream().sorted(Comparator.comparing(TimeRule::name)).toList();
    }

    /** The rule {@code name}; {@link NotFoundException} when there is none. */
    public TimeRule get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("time rule", name));
    }

    /** The rule {@code name}, from memory. */
    public Optional<TimeRule> find(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    /** Which branch of rule {@code name} applies at {@code now} (in the server's zone), and why. */
    public Optional<TimeRuleChoice> choose(String name, ZonedDateTime now) {
        return find(name).map(rule -> TimeRuleChoice.of(rule.values(), now));
    }

    public TimeRule create(NewTimeRule rule, String actor) {
        return change(rule.name(), Change.CREATED, actor, () -> {
            check(rule);
            return store.create(rule, clock.instant());
        });
    }

    /** Replaces the rule {@code name}; the name stays. */
    public TimeRule update(String name, NewTimeRule rule, String actor) {
        if (!rule.name().equals(name)) {
            throw new ValidationException("name", "must be the name in the URL: rules keep their name");
        }
        return change(name, Change.UPDATED, actor, () -> {
            check(rule);
            return store.update(name, rule, clock.instant());
        });
    }

    public void delete(String name, String actor) {
        change(name, Change.DELETED, actor, () -> {
            store.delete(name);
            return null;
        });
    }

    /** Loads the in-memory copy from the database (at start). */
    public void reloadCache() {
        changes.lock();
        try {
            rules = index(store.list());
        } finally {
            changes.unlock();
        }
    }

    private void check(NewTimeRule rule) {
        check(rule.open(), "open");
        check(rule.closed(), "closed");
    }

    private void check(Branch branch, String field) {
        DestinationKind kind = kinds.find(branch.action()).filter(k -> !k.name().equals(TimeRuleKind.NAME))
                .orElseThrow(() -> new ValidationException(field + ".action", "must be a destination kind other than "
                        + TimeRuleKind.NAME + ": " + kinds.all().stream().map(DestinationKind::name)
                        .filter(n -> !n.equals(TimeRuleKind.NAME)).collect(Collectors.joining(", "))));
        try {
            kind.checkTarget(branch.target());
        } catch (ValidationException e) {
            throw new ValidationException(field + "." + e.field(), e.getMessage());
        }
    }

    private TimeRule change(String name, Change change, String actor, Supplier<TimeRule> write) {
        TimeRule saved;
        changes.lock();
        try {
            saved = write.get();
            rules = index(store.list());
        } finally {
            changes.unlock();
        }
        events.publish(new ConfigChanged(clock.instant(), "time_rule", name, change));
        log.info("time rule {} name={} by={}", change.name().toLowerCase(Locale.ROOT), name, actor);
        return saved;
    }

    private static Map<String, TimeRule> index(List<TimeRule> all) {
        return all.stream().collect(Collectors.toUnmodifiableMap(TimeRule::name, Function.identity()));
    }
}
