package org.switchboard.pbx.parking;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.routing.DestinationFields;
import org.switchboard.pbx.routing.DestinationKind;
import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.parking.NewParkLot;
import org.switchboard.store.parking.ParkLot;
import org.switchboard.store.parking.ParkLotStore;
import org.switchboard.store.parking.ReturnAction;

/**
 * The park lot's settings: saved to the database (with the dial-plan rules that reach it) before a change is
 * reported done, with an in-memory copy the call path reads ({@link #lot}), reloaded after every committed change.
 * One lot today, named {@value #LOT}.
 *
 * <p>Thread-safe: changes are serialized by one lock and published through a volatile field; readers never lock.
 * Changes run on request and start-up threads (they touch the database).
 */
public final class ParkingService {
    /** The lot's name, the target of the dial-plan rule to kind {@code park}. */
    public static final String LOT = "default";
    private static final Logger log = LoggerFactory.getLogger(ParkingService.class);

    private final ParkLotStore store;
    private final DialPlanService dialPlan;
    private final ParkRules rules;
    private final Predicate<String> musicClasses;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile Optional<ParkLot> lot = Optional.empty();

    /** @param musicClasses whether a music-on-hold class of that name exists */
    public ParkingService(ParkLotStore store, DialPlanService dialPlan, Predicate<String> musicClasses, Clock clock,
            EventBus events) {
        this.store = store;
        this.dialPlan = dialPlan;
        this.rules = new ParkRules(dialPlan);
        this.musicClasses = musicClasses;
        this.clock = clock;
        this.events = events;
    }

    /** The lot named {@code name}, from memory (the call path's lookup). */
    public Optional<ParkLot> lot(String name) {
        return lot.filter(l -> l.name().equals(name));
    }

    /** The lot; {@link NotFoundException} before one is stored. */
    public ParkLot lot() {
        return lot.orElseThrow(() -> new NotFoundException("park lot", LOT));
    }

    /** Whether a lot is stored (the seed fills only an empty table). */
    public boolean hasLot() {
        return store.count() > 0;
    }

    /** Saves the lot's settings and points the dial-plan rules at its number and slots, in one transaction. */
    public ParkLot save(NewParkLot values, String actor) {
        check(values);
        ParkLot saved;
        changes.lock();
        try {
            saved = store.save(LOT, values, clock.instant());
            rules.sync(LOT, values, actor);
            lot = Optional.of(saved);
        } finally {
            changes.unlock();
        }
        events.publish(new ConfigChanged(clock.instant(), "park_lot", LOT, Change.UPDATED));
        log.info("park lot saved number={} slots={}-{} by={}", values.number(), values.firstSlot(), values.lastSlot(),
                actor);
        return saved;
    }

    /** Loads the in-memory copy from the database (at start, and after another node's change). */
    public void reloadCache() {
        changes.lock();
        try {
            lot = store.find(LOT);
        } finally {
            changes.unlock();
        }
    }

    private void check(NewParkLot values) {
        if (!musicClasses.test(values.musicClass())) {
            throw new ValidationException("music_class", "must be a music-on-hold class");
        }
        values.returnAction().ifPresent(this::checkReturn);
    }

    private void checkReturn(ReturnAction action) {
        DestinationKind kind = DestinationFields.kind(dialPlan.kinds(), "return_action", action.action());
        if (kind.name().equals(ParkApplication.KIND) || kind.name().equals(RetrieveApplication.KIND)) {
            throw new ValidationException("return_action.action", "must lead out of the park lot");
        }
        DestinationFields.checkTarget(kind, "return_action", action.target());
    }
}
