package org.switchboard.pbx.ringgroup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.extension.MemberExtensions;
import org.switchboard.pbx.records.NamedRecords;
import org.switchboard.pbx.routing.Destination;
import org.switchboard.pbx.routing.DestinationFields;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DestinationKinds;
import org.switchboard.pbx.routing.Hunt;
import org.switchboard.store.db.ConflictException;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.ringgroup.FinalAction;
import org.switchboard.store.ringgroup.NewRingGroup;
import org.switchboard.store.ringgroup.RingGroup;
import org.switchboard.store.ringgroup.RingGroupStore;
import org.switchboard.store.ringgroup.RingStrategy;

/**
 * The single entry point for ring groups (API, the {@code ring_group} destination kind, calls):
 * checks that members are extensions and that the final action is a destination the dial plan
 * knows (its kind's own target check included), writes through, and keeps the groups in memory for
 * the router, which asks {@link #hunt} on call executors.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload from the database
 * published through a volatile map that calls read without locking. The changing methods block:
 * never call them on an event loop or a call thread.
 */
public final class RingGroupService {
    private final RingGroupStore store;
    private final ExtensionService extensions;
    private final DestinationKinds kinds;
    private final Clock clock;
    private final HuntMemory memory = new HuntMemory();
    private final NamedRecords<RingGroup> groups;

    public RingGroupService(RingGroupStore store, ExtensionService extensions, DestinationKinds kinds, Clock clock,
            EventBus events) {
        this.store = store;
        this.extensions = extensions;
        this.kinds = kinds;
        this.clock = clock;
        this.groups = new NamedRecords<>("ring group", "ring_group", RingGroup::name, store::list, clock, events);
    }

    /** Every group, by name, from memory. */
    public List<RingGroup> list() {
        return groups.list();
    }

    /** The group called {@code name}, from memory. */
    public Optional<RingGroup> find(String name) {
        return groups.find(name);
    }

    /** The group called {@code name}; {@link NotFoundException} when there is none. */
    public RingGroup get(String name) {
        return groups.get(name);
    }

    public RingGroup create(NewRingGroup group, String actor) {
        return groups.change(group.name(), Change.CREATED, actor, () -> {
            check(group);
            return store.create(group, clock.instant());
        });
    }

    /** Replaces group {@code name}; a group keeps its name (rules and other groups name it). */
    public RingGroup update(String name, NewRingGroup group, String actor) {
        if (!group.name().equals(name)) {
            throw new ValidationException("name", "must be the group's name in the URL: ring groups are not renamed");
        }
        return groups.change(name, Change.UPDATED, actor, () -> {
            get(name);
            check(group);
            return store.update(name, group, clock.instant());
        });
    }

    /** Deletes group {@code name}; {@link ConflictException} while another group's final action leads to it. */
    public void delete(String name, String actor) {
        groups.remove(name, actor, () -> {
            get(name);
            for (RingGroup other : groups.list()) {
                if (other.finalAction().filter(f -> f.action().equals(RingGroupKind.NAME) && f.target().equals(name)).isPresent()) {
                    throw new ConflictException("name", "ring group '" + other.name() + "' ends in this group; change it first");
                }
            }
            store.delete(name);
            memory.forget(name);
        });
    }

    /** Loads the groups from the database: at start, after each change, after an extension changed. */
    public void reloadCache() {
        groups.reload();
    }

    /** The group {@code name} as a call rings it now (members in the strategy's order), from memory. */
    public Optional<Hunt> hunt(String name) {
        return find(name).map(group -> new Hunt(RingGroupKind.NAME, group.name(), group.strategy() == RingStrategy.RING_ALL,
                group.strategy() == RingStrategy.MEMORY_HUNT ? memory.order(group.name(), group.members()) : group.members(),
                Duration.ofSeconds(group.ringSeconds()),
                group.finalAction().map(f -> new Destination(f.action(), f.target()))));
    }

    /** {@code member} answered a call of group {@code name}. */
    void answered(String name, String member) {
        memory.answered(name, member);
    }

    /** The check of a target naming a group: {@link ValidationException} on {@code field} unless the group exists. */
    void checkName(String name, String field) {
        if (groups.find(name).isEmpty()) {
            throw new ValidationException(field, "must name a ring group (" + String.join(", ", groups.keys()) + ")");
        }
    }

    private void check(NewRingGroup group) {
        MemberExtensions.check(extensions, group.members());
        group.finalAction().ifPresent(f -> checkFinalAction(group.name(), f));
    }

    private void checkFinalAction(String group, FinalAction action) {
        DestinationKind kind = DestinationFields.kind(kinds, "final_action", action.action());
        if (kind.name().equals(RingGroupKind.NAME) && action.target().equals(group)) {
            throw new ValidationException("final_action.target", "must not be the group itself");
        }
        DestinationFields.checkTarget(kind, "final_action", action.target());
    }
}
