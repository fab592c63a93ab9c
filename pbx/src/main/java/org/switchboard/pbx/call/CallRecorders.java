package org.switchboard.pbx.call;

import java.util.Optional;

/**
 * Where call control asks whether a bridged call is recorded (call recording, docs/recording.md): once when it is
 * answered, and again whenever the API asks for a recording of it. Called on the call's executor; must not block.
 */
@FunctionalInterface
public interface CallRecorders {
    /** No call is ever recorded: a node without call recording. */
    CallRecorders NONE = (call, demanded) -> Optional.empty();

    /**
     * Starts recording {@code call} if its parties' policies allow: on answer ({@code demanded} false) when one of
     * them is recorded always, on request ({@code demanded} true) when one of them is recorded on demand or always.
     *
     * @return the recording, or empty when the call is not recorded
     */
    Optional<CallTap> tap(BridgedCall call, boolean demanded);
}
