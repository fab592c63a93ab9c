package org.switchboard.pbx.route;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.pbx.trunk.TrunkState;
import org.switchboard.store.route.JdbiLcrRateStore;
import org.switchboard.store.route.NewOutboundRoute;
import org.switchboard.store.route.TimeRate;
import org.switchboard.store.trunk.SipTrunk;

/**
 * The order in which an outbound route's trunks are tried for a number at a moment: the trunks a
 * call can use (known, enabled, not {@code down}) in the route's order, or with {@code lcr} by the
 * rate in force, cheapest first (a trunk with no rate for the number after the rated ones, in the
 * route's order; equal rates keep the route's order); then the skipped ones with the reason. The
 * same answer serves calls and {@code GET /api/dialplan/test}. Memory only; thread-safe.
 */
public final class TrunkOrder {
    private final TrunkService trunks;
    private final Function<SipTrunk, TrunkState> states;
    private final LcrRateService rates;

    /** @param states what the node knows of a trunk now (registration, health) */
    public TrunkOrder(TrunkService trunks, Function<SipTrunk, TrunkState> states, LcrRateService rates) {
        this.trunks = trunks;
        this.states = states;
        this.rates = rates;
    }

    /** The route's trunks for {@code number} at {@code at}: the ones tried first, in order, then the skipped ones. */
    public List<TrunkChoice> order(NewOutboundRoute route, String number, ZonedDateTime at) {
        List<TrunkChoice> tried = new ArrayList<>();
        List<TrunkChoice> skipped = new ArrayList<>();
        for (String name : route.trunks()) {
            Optional<SipTrunk> trunk = trunks.find(name);
            Optional<LcrRateService.InForce> rate = route.lcr() ? rates.inForce(name, number, at) : Optional.empty();
            long micros = rate.map(LcrRateService.InForce::rateMicros).orElse(-1L);
            if (trunk.isEmpty()) {
                skipped.add(new TrunkChoice(name, false, micros, "no such trunk"));
            } else if (!trunk.get().values().enabled()) {
                skipped.add(new TrunkChoice(name, false, micros, "disabled"));
            } else if (states.apply(trunk.get()).status() == TrunkState.Health.DOWN) {
                skipped.add(new TrunkChoice(name, false, micros, "down ("
                        + states.apply(trunk.get()).lastError().orElse("no answer to OPTIONS") + ")"));
            } else if (!route.lcr()) {
                tried.add(new TrunkChoice(name, true, micros, "route order"));
            } else {
                tried.add(new TrunkChoice(name, true, micros, rate.map(TrunkOrder::describe)
                        .orElse("no rate for this number: after the rated trunks")));
            }
        }
        if (route.lcr()) {
            // A stable sort: equal rates keep the route's order.
            tried.sort(Comparator.comparingLong(c -> c.rateMicros() < 0 ? Long.MAX_VALUE : c.rateMicros()));
        }
        tried.addAll(skipped);
        return List.copyOf(tried);
    }

    private static String describe(LcrRateService.InForce rate) {
        String price = BigDecimal.valueOf(rate.rateMicros(), 6).stripTrailingZeros().toPlainString();
        String prefix = rate.prefix().isEmpty() ? "any number" : "prefix " + rate.prefix();
        return "rate " + price + "/min (" + prefix + rate.timeRate().map(TrunkOrder::window).orElse("") + ")";
    }

    private static String window(TimeRate t) {
        return ", " + t.days().stream().sorted().map(JdbiLcrRateStore::day).collect(Collectors.joining(","))
                + " " + hhmm(t.startMinute()) + "-" + hhmm(t.endMinute());
    }

    private static String hhmm(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
