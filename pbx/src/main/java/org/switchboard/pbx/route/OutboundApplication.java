package org.switchboard.pbx.route;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.call.IncomingCall;
import org.switchboard.pbx.call.TrunkDial;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.stirshaken.StirShaken;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.sip.transport.SipServerResolver;
import org.switchboard.store.route.OutboundRoute;
import org.switchboard.store.trunk.SipTrunk;

/**
 * The application of kind {@code outbound}: builds the number from the route's {@code dial}
 * ({@code $1} is what the rule's first group captured, else the whole dialled string), orders the
 * route's trunks ({@link TrunkOrder}), and relays the caller to them ({@link IncomingCall#relay})
 * with one INVITE per trunk tried ({@link TrunkAttempts}), From and P-Asserted-Identity the route's
 * caller ID (else the caller's extension).
 *
 * <p>{@code start} runs on the call's executor and never blocks.
 */
public final class OutboundApplication implements Application {
    private final OutboundRouteService routes;
    private final TrunkOrder order;
    private final TrunkService trunks;
    private final TrunkAttempts attempts;
    private final TrunkDial.Channels channels;
    private final Clock clock;
    private final Duration ringTimeout;
    private final OutboundCheck check;

    /**
     * @param clock the clock and the server's time zone rates' times of day are read in
     * @param ringTimeout how long a trunk may ring before the call gives up
     * @param check what may refuse the call before a trunk is tried (fraud control)
     */
    public OutboundApplication(OutboundRouteService routes, TrunkOrder order, TrunkService trunks,
            SipServerResolver resolver, StirShaken stirShaken, TrunkDial.Channels channels, Clock clock,
            Duration ringTimeout, OutboundCheck check) {
        this.routes = routes;
        this.order = order;
        this.trunks = trunks;
        this.attempts = new TrunkAttempts(trunks, resolver, stirShaken, clock);
        this.channels = channels;
        this.clock = clock;
        this.ringTimeout = ringTimeout;
        this.check = check;
    }

    /** The number a route sends for what was dialled: {@code dial} with {@code $1} replaced by {@code captured}. */
    public static String number(String dial, String captured) {
        return dial.replace("$1", captured);
    }

    @Override
    public void start(IncomingCall call, Route.ToApplication destination) {
        Optional<OutboundRoute> route = routes.find(destination.target());
        if (route.isEmpty()) {
            call.refuse(404, "No Such Outbound Route");
            return;
        }
        String number = number(route.get().values().dial(), destination.argument().orElse(call.dialled()));
        Optional<OutboundCheck.Refusal> refused = check.check(call.caller(), number);
        if (refused.isPresent()) {
            call.refuse(refused.get().status(), refused.get().reason());
            return;
        }
        List<SipTrunk> tried = order.order(route.get().values(), number, ZonedDateTime.now(clock)).stream()
                .filter(TrunkChoice::tried)
                .flatMap(c -> trunks.find(c.trunk()).stream())
                .toList();
        if (tried.isEmpty()) {
            call.refuse(503, "No Trunk Available");
            return;
        }
        String callerId = route.get().values().callerId().orElse(call.caller());
        attempts.build(call, tried, number, callerId, built -> {
            if (built.isEmpty()) {
                call.refuse(503, "No Trunk Available");
            } else {
                call.relay(new TrunkDial(number, built, ringTimeout, channels));
            }
        });
    }
}
