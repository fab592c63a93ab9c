package org.switchboard.pbx.call;

import org.switchboard.pbx.routing.DialPlanService;
import org.switchboard.pbx.routing.Route;

/**
 * Where call control asks what a dialled number means: the one place that knows which routing
 * service answers, so forwarding and do-not-disturb can come in here without touching the call
 * state machine. Reads in-memory caches only; any call executor may call it.
 */
final class CallRouting {
    private final DialPlanService dialPlan;

    CallRouting(DialPlanService dialPlan) {
        this.dialPlan = dialPlan;
    }

    Route route(String caller, String dialled) {
        return dialPlan.route(caller, dialled).route();
    }
}
