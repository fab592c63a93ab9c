package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.Set;

/** Puts calls into a {@link RingingCalls} for tests outside the call engine's package (as a ringing call does). */
public final class RingingCallsFixture {
    private RingingCallsFixture() {}

    public static void ringing(RingingCalls calls, String callId, String caller, Set<String> extensions, Instant since) {
        calls.ringing(callId, caller, extensions, since);
    }
}
