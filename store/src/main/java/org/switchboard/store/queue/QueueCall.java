package org.switchboard.store.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.switchboard.store.db.Fields;

/**
 * How one caller left a queue (V211): {@code outcome} is {@code answered} (by {@code agent}), {@code
 * abandoned}, {@code timeout}, {@code full} or {@code voicemail}; {@code callId} is the call's CDR id.
 * Immutable.
 */
public record QueueCall(String callId, String queue, String caller, String outcome, Optional<String> agent, Instant joinedAt,
                        Instant leftAt) {
    public static final Set<String> OUTCOMES = Set.of("answered", "abandoned", "timeout", "full", "voicemail");

    public QueueCall {
        Fields.check(callId != null && !callId.isEmpty(), "call_id", "is required");
        Fields.check(OUTCOMES.contains(outcome), "outcome", "must be one of " + OUTCOMES);
        Fields.check(agent.isPresent() == outcome.equals("answered"), "agent", "is the answering agent, for answered calls only");
    }

    /** How long the caller waited in the queue. */
    public Duration waited() {
        return Duration.between(joinedAt, leftAt);
    }

    /** The write-behind's coalescing key: one row per caller's stay in a queue. */
    public String key() {
        return callId + "|" + queue + "|" + joinedAt.toEpochMilli();
    }
}
