package org.switchboard.pbx.call;

import org.switchboard.pbx.routing.Route;

/**
 * What the PBX does with a call whose number leads to a destination of one kind (a feature code,
 * and later voicemail, an attendant menu, a queue): registered in {@link Applications} under the
 * name of its {@code DestinationKind}, so a new destination is one registration and no switch in
 * call control grows (docs/call-engine.md). Implementations keep no per-call state in fields
 * shared between calls.
 */
@FunctionalInterface
public interface Application {

    /**
     * A new call reached {@code destination}. Runs on the call's executor and must not block:
     * database or file work goes to a virtual thread whose result is posted back to
     * {@link IncomingCall#executor()}.
     */
    void start(IncomingCall call, Route.ToApplication destination);
}
