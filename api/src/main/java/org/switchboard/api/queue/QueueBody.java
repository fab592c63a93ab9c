package org.switchboard.api.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.store.db.ValidationException;
import org.switchboard.store.queue.NewCallQueue;
import org.switchboard.store.queue.QueueAction;
import org.switchboard.store.queue.QueueCallback;
import org.switchboard.store.queue.QueueStrategy;
import org.switchboard.store.queue.VoicemailExit;

/**
 * Request body of {@code POST /api/queues} and {@code PUT /api/queues/{name}}; omitted fields take the
 * defaults (ring all, no members, agents rung 15 s, no wrap-up, 300 s longest wait, no limit on
 * callers, hang-up past the wait, the default music, announcements every 60 s, no voicemail key, a
 * 20 s service level, no skill requirements, no callback; a callback's tries default to 3, 60 s apart).
 */
public record QueueBody(String name, String strategy, List<String> members, Integer ringSeconds, Integer wrapUpSeconds,
                        Integer maxWaitSeconds, Integer maxCallers, Action timeoutAction, String mohClass,
                        Integer announceSeconds, Exit voicemailExit, Integer serviceLevelSeconds,
                        Map<String, Integer> skillRequirements, Callback callback) {

    /** Where callers past the limits go, as sent. */
    public record Action(String action, String target) {}

    /** The key that leaves the queue for a voicemail box, as sent. */
    public record Exit(String digit, String box) {}

    /** The key that keeps a waiting caller's place and calls it back, as sent. */
    public record Callback(String digit, Integer maxAttempts, Integer retrySeconds) {}

    /** The queue to store, named {@code name} (the URL's name on an update, when the body names none). */
    NewCallQueue toQueue(String name) {
        QueueStrategy parsed = strategy == null ? QueueStrategy.RING_ALL : QueueStrategy.parse(strategy)
                .orElseThrow(() -> new ValidationException("strategy", "must be one of " + QueueStrategy.keys()));
        if (voicemailExit != null && (voicemailExit.digit() == null || voicemailExit.digit().length() != 1)) {
            throw new ValidationException("voicemail_exit.digit", "must be one key: 0-9, * or #");
        }
        if (callback != null && (callback.digit() == null || callback.digit().length() != 1)) {
            throw new ValidationException("callback.digit", "must be one digit 0-9");
        }
        return new NewCallQueue(name, parsed, members == null ? List.of() : members, or(ringSeconds, 15), or(wrapUpSeconds, 0),
                or(maxWaitSeconds, 300), or(maxCallers, 0),
                Optional.ofNullable(timeoutAction).map(a -> new QueueAction(a.action(), a.target())),
                Optional.ofNullable(mohClass).filter(c -> !c.isEmpty()), or(announceSeconds, 60),
                Optional.ofNullable(voicemailExit).map(e -> new VoicemailExit(e.digit().charAt(0), e.box())),
                or(serviceLevelSeconds, 20), skillRequirements == null ? Map.of() : skillRequirements,
                Optional.ofNullable(callback).map(c -> new QueueCallback(c.digit().charAt(0), or(c.maxAttempts(), 3),
                        or(c.retrySeconds(), 60))));
    }

    private static int or(Integer value, int otherwise) {
        return value == null ? otherwise : value;
    }
}
