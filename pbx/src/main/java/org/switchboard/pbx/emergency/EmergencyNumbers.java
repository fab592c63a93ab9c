package org.switchboard.pbx.emergency;

import java.util.List;
import java.util.Optional;
import org.switchboard.pbx.routing.PriorityRoute;
import org.switchboard.pbx.routing.Route;
import org.switchboard.pbx.routing.RoutingDecision;
import org.switchboard.pbx.routing.RuleTrial;
import org.switchboard.store.emergency.CivicAddress;
import org.switchboard.store.emergency.EmergencySettings;

/**
 * Kari's Law in the router: a configured emergency number dialled from any extension, exactly as
 * dialled (no prefix), goes to kind {@code emergency} before any dial-plan rule is tried, and so
 * before forwarding, do-not-disturb or any permission could matter. The explanation names the
 * caller's location. Memory only; thread-safe.
 */
public final class EmergencyNumbers implements PriorityRoute {
    private final EmergencyService service;

    public EmergencyNumbers(EmergencyService service) {
        this.service = service;
    }

    @Override
    public Optional<RoutingDecision> route(String caller, String dialled) {
        EmergencySettings settings = service.settings();
        if (!settings.isEmergencyNumber(dialled)) {
            return Optional.empty();
        }
        String location = service.location(caller).map(CivicAddress::describe)
                .orElse("none saved for " + caller + " (PUT /api/extensions/" + caller + "/location)");
        RuleTrial trial = new RuleTrial(0, Integer.MIN_VALUE, "emergency numbers", String.join("|", settings.numbers()),
                true, "emergency number: sent to the emergency trunks before any dial-plan rule; location: " + location);
        return Optional.of(new RoutingDecision(caller, dialled,
                new Route.ToApplication(EmergencyKind.NAME, dialled, dialled, Optional.empty()), List.of(trial)));
    }
}
