package org.switchboard.api.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.store.queue.CallQueue;
import org.switchboard.store.queue.NewCallQueue;

/**
 * A queue as the API shows it; {@code timeout_action}, {@code moh_class}, {@code voicemail_exit} and {@code callback}
 * are left out when unset.
 */
public record QueueView(String name, String strategy, List<String> members, int ringSeconds, int wrapUpSeconds,
                        int maxWaitSeconds, int maxCallers, QueueBody.Action timeoutAction, String mohClass, int announceSeconds,
                        QueueBody.Exit voicemailExit, int serviceLevelSeconds, Map<String, Integer> skillRequirements,
                        QueueBody.Callback callback, Instant createdAt, Instant updatedAt) {

    static QueueView of(CallQueue queue) {
        NewCallQueue q = queue.values();
        return new QueueView(q.name(), q.strategy().key(), q.members(), q.ringSeconds(), q.wrapUpSeconds(), q.maxWaitSeconds(),
                q.maxCallers(), q.timeoutAction().map(a -> new QueueBody.Action(a.action(), a.target())).orElse(null),
                q.mohClass().orElse(null), q.announceSeconds(),
                q.voicemailExit().map(e -> new QueueBody.Exit(String.valueOf(e.digit()), e.box())).orElse(null),
                q.serviceLevelSeconds(), new TreeMap<>(q.skillRequirements()),
                q.callback().map(c -> new QueueBody.Callback(String.valueOf(c.digit()), c.maxAttempts(), c.retrySeconds()))
                        .orElse(null), queue.createdAt(), queue.updatedAt());
    }
}
