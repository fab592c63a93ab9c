package org.switchboard.server.wiring;

import org.switchboard.pbx.call.Application;
import org.switchboard.pbx.routing.DestinationKind;

/**
 * A destination kind a {@link FeatureModule} adds to the dial plan and the application that runs
 * the calls a matching rule sends there. Immutable.
 */
public record ModuleDestination(DestinationKind kind, Application application) {}
