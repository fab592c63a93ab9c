package org.switchboard.pbx.emergency;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.route.TrunkChoice;
import org.switchboard.pbx.route.TrunkOrder;
import org.switchboard.pbx.trunk.TrunkService;
import org.switchboard.store.emergency.EmergencySettings;
import org.switchboard.store.route.NewOutboundRoute;
import org.switchboard.store.trunk.SipTrunk;

/**
 * The emergency trunks in the order a call tries them: as an outbound route orders its trunks
 * ({@link TrunkOrder}, in the settings' order), and then, unlike a route, the enabled trunks marked
 * down too: a missed OPTIONS probe must not leave an emergency call without a way out. The same
 * answer serves calls and {@code GET /api/dialplan/test}. Memory only; thread-safe.
 */
public final class EmergencyTrunks {
    private final TrunkOrder order;
    private final TrunkService trunks;
    private final Clock clock;

    public EmergencyTrunks(TrunkOrder order, TrunkService trunks, Clock clock) {
        this.order = order;
        this.trunks = trunks;
        this.clock = clock;
    }

    /** The trunks tried for {@code number}, in order. */
    public List<SipTrunk> tried(EmergencySettings settings, String number) {
        List<SipTrunk> tried = new ArrayList<>();
        List<SipTrunk> down = new ArrayList<>();
        for (TrunkChoice choice : choices(settings, number)) {
            Optional<SipTrunk> trunk = trunks.find(choice.trunk()).filter(t -> t.values().enabled());
            trunk.ifPresent((choice.tried() ? tried : down)::add);
        }
        tried.addAll(down);
        return List.copyOf(tried);
    }

    /** Each trunk of the settings as a line saying whether and why it is tried, for the dial-plan test. */
    public List<String> explain(EmergencySettings settings, String number) {
        List<String> lines = new ArrayList<>();
        for (TrunkChoice choice : choices(settings, number)) {
            boolean lastResort = !choice.tried() && trunks.find(choice.trunk()).filter(t -> t.values().enabled()).isPresent();
            lines.add(lastResort ? choice.trunk() + ": tried last, " + choice.why() : choice.describe());
        }
        return List.copyOf(lines);
    }

    private List<TrunkChoice> choices(EmergencySettings settings, String number) {
        if (settings.trunks().isEmpty()) {
            return List.of();
        }
        NewOutboundRoute route = new NewOutboundRoute("emergency", "$1", settings.trunks(), false, Optional.empty());
        return order.order(route, number, ZonedDateTime.now(clock));
    }
}
