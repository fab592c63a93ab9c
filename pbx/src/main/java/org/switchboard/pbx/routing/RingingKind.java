package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * A destination kind whose calls ring extensions for the caller instead of being answered by the
 * PBX (ring groups): {@link CallRouter} plans a call sent to it as a {@link CallPlan.Ring} of the
 * members' phones, so the caller hears them ring and the call is answered by the member who picks
 * up. Implementations answer from memory (they run on call executors) and are thread-safe.
 */
public interface RingingKind extends DestinationKind {

    /** The group {@code target} names, as it rings now; empty when there is no such group. */
    Optional<Hunt> hunt(String target);

    /** {@code member} answered a call of {@code group} (a memory hunt starts after it next time). */
    void answered(String group, String member);
}
