package org.switchboard.api.queue;

import java.time.Instant;
import org.switchboard.store.queue.QueueCall;

/** How one caller left a queue, as the API shows it; {@code call_id} is its CDR's, {@code agent} absent unless answered. */
public record QueueCallView(String callId, String queue, String caller, String outcome, String agent, Instant joinedAt,
                            Instant leftAt, long waitSeconds) {

    static QueueCallView of(QueueCall call) {
        return new QueueCallView(call.callId(), call.queue(), call.caller(), call.outcome(), call.agent().orElse(null),
                call.joinedAt(), call.leftAt(), call.waited().toSeconds());
    }
}
