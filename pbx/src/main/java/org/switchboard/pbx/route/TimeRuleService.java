package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.records.NamedRecords;
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
    private final TimeRuleStore store;
    private final DestinationKinds kinds;
    private final Clock clock;
    private final NamedRecords<TimeRule> rules;

    public TimeRuleService(TimeRuleStore store, DestinationKinds kinds, Clock clock, EventBus events) {
        this.store = store;
        this.kinds = kinds;
        this.clock = clock;
        this.rules = new NamedRecords<>("time rule", "time_rule", TimeRule::name, store::list, clock, events);
    }

    /** Every rule, by name, from memory. */
    public List<TimeRule> list() {
        return rules.list();
    }

    /** The rule {@code name}; {@link NotFoundException} when there is none. */
    public TimeRule get(String name) {
        return rules.get(name);
    }

    /** The rule {@code name}, from memory. */
    public Optional<TimeRule> find(String name) {
        return rules.find(name);
    }

    /** Which branch of rule {@code name} applies at {@code now} (in the server's zone), and why. */
    public Optional<TimeRuleChoice> choose(String name, ZonedDateTime now) {
        return find(name).map(rule -> TimeRuleChoice.of(rule.values(), now));
    }

    public TimeRule create(NewTimeRule rule, String actor) {
        return rules.change(rule.name(), Change.CREATED, actor, () -> {
            check(rule);
            return store.create(rule, clock.instant());
        });
    }

    /** Replaces the rule {@code name}; the name stays. */
    public TimeRule update(String name, NewTimeRule rule, String actor) {
        if (!rule.name().equals(name)) {
            throw new ValidationException("name", "must be the name in the URL: rules keep their name");
        }
        return rules.change(name, Change.UPDATED, actor, () -> {
            check(rule);
            return store.update(name, rule, clock.instant());
        });
    }

    public void delete(String name, String actor) {
        rules.remove(name, actor, () -> store.delete(name));
    }

    /** Loads the in-memory copy from the database (at start). */
    public void reloadCache() {
        rules.reload();
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
}
