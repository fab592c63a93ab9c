package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventBus;
import org.switchboard.pbx.event.PbxEvent.Change;
import org.switchboard.pbx.event.PbxEvent.ConfigChanged;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.db.NotFoundException;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.route.LcrRate;
import org.switchboard.store.route.LcrRateStore;
import org.switchboard.store.route.NewLcrRate;
import org.switchboard.store.route.TimeRate;

/**
 * The single entry point for least-cost-routing rates (API, outbound calls): checks that a rate's
 * trunk exists, writes through, keeps the rates in memory and answers what a trunk charges for a
 * number at a moment ({@link #inForce}): the rate of the trunk's longest prefix of the number,
 * replaced by the first of its time rates that covers the moment's day and time.
 *
 * <p>Thread-safe: changes are serialized by one lock, each followed by a reload published through a
 * volatile list that calls read without locking. The changing methods block: never call them on an
 * event loop or a call thread.
 */
public final class LcrRateService {
    private static final Logger log = LoggerFactory.getLogger(LcrRateService.class);

    /** The rate a trunk charges for a number at a moment, and where it comes from (for explanations). */
    public record InForce(long rateMicros, String prefix, Optional<TimeRate> timeRate) {}

    private final LcrRateStore store;
    private final TrunkService trunks;
    private final Clock clock;
    private final EventBus events;
    private final Lock changes = new ReentrantLock();
    private volatile List<LcrRate> rates = List.of();

    public LcrRateService(LcrRateStore store, TrunkService trunks, Clock clock, EventBus events) {
        this.store = store;
        this.trunks = trunks;
        this.clock = clock;
        this.events = events;
    }

    /** Every rate, by trunk and prefix, from memory. */
    public List<LcrRate> list() {
        return rates;
    }

    /** Rate {@code id}; {@link NotFoundException} when there is none. */
    public LcrRate get(long id) {
        return rates.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("rate", Long.toString(id)));
    }

    public LcrRate create(NewLcrRate rate, String actor) {
        return change(Change.CREATED, actor, OptionalLong.empty(), () -> {
            checkTrunk(rate);
            return store.create(rate, clock.instant());
        });
    }

    public LcrRate update(long id, NewLcrRate rate, String actor) {
        return change(Change.UPDATED, actor, OptionalLong.of(id), () -> {
            checkTrunk(rate);
            return store.update(id, rate, clock.instant());
        });
    }

    public void delete(long id, String actor) {
        change(Change.DELETED, actor, OptionalLong.of(id), () -> {
            store.delete(id);
            return null;
        });
    }

    /** Loads the in-memory copy from the database (at start, and after a trunk was deleted with its rates). */
    public void reloadCache() {
        changes.lock();
        try {
            rates = store.list();
        } finally {
            changes.unlock();
        }
    }

    /** What {@code trunk} charges for {@code number} at {@code at}, from memory; empty when it has no rate for it. */
    public Optional<InForce> inForce(String trunk, String number, ZonedDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        return rates.stream()
                .filter(r -> r.values().trunk().equals(trunk) && number.startsWith(r.values().prefix()))
                .max(Comparator.comparingInt(r -> r.values().prefix().length()))
                .map(r -> {
                    Optional<TimeRate> time = r.values().timeRates().stream()
                            .filter(t -> t.covers(at.getDayOfWeek(), minute)).findFirst();
                    return new InForce(time.map(TimeRate::rateMicros).orElse(r.values().rateMicros()),
                            r.values().prefix(), time);
                });
    }

    private void checkTrunk(NewLcrRate rate) {
        if (trunks.find(rate.trunk()).isEmpty()) {
            throw new ValidationException("trunk", "no trunk named '" + rate.trunk() + "'");
        }
    }

    /** @param id the rate changed, when known before the write (all but a new one) */
    private LcrRate change(Change change, String actor, OptionalLong id, Supplier<LcrRate> write) {
        LcrRate saved;
        changes.lock();
        try {
            saved = write.get();
            rates = store.list();
        } finally {
            changes.unlock();
        }
        String key = Long.toString(id.isPresent() ? id.getAsLong() : saved.id());
        events.publish(new ConfigChanged(clock.instant(), "lcr_rate", key, change));
        log.info("lcr rate {} id={} by={}", change.name().toLowerCase(Locale.ROOT), key, actor);
        return saved;
    }
}
