package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * A decision taken before the dial plan's rules are tried, for numbers no rule may capture
 * (emergency numbers, Kari's Law: reached without any prefix whatever the rules say). Registered
 * with {@link DialPlanService#putFirst}; reads memory only, any thread.
 */
@FunctionalInterface
public interface PriorityRoute {
    /** The decision for a call from {@code caller} dialling {@code dialled}, or empty to let the rules decide. */
    Optional<RoutingDecision> route(String caller, String dialled);
}
