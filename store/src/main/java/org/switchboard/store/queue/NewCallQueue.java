package org.switchboard.store.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.store.db.Fields;
import org.switchboard.store.db.ValidationException;

/**
 * A call queue to store, checked for the V210 shapes ({@link ValidationException} naming the field,
 * {@code members[i]} for a member). That the members are extensions, the timeout action a
 * destination and the music a class is the pbx service's rule. Immutable.
 *
 * @param members extension numbers in the queue's order (linear and round robin follow it)
 * @param ringSeconds how long an agent's phones ring for one offer before the next agent is tried
 * @param wrapUpSeconds how long an agent is left alone after a queue call ends
 * @param maxWaitSeconds the longest a caller waits before the timeout action (0: no limit)
 * @param maxCallers the most callers waiting; one more goes to the timeout action at once (0: no limit)
 * @param timeoutAction where callers past the limits go; empty: they are hung up
 * @param mohClass the music-on-hold class waiting callers hear; empty: the node's default
 * @param announceSeconds how often a waiting caller hears its position and estimated wait (0: never)
 * @param voicemailExit the key that leaves the queue for a voicemail box; empty: none
 * @param serviceLevelSeconds answered within this many seconds counts toward the service level
 * @param skillRequirements the level (1-10) the queue requires of its agents in each skill, by skill name
 * @param callback the key that keeps a caller's place and calls it back (V213); empty: no callback
 */
public record NewCallQueue(String name, QueueStrategy strategy, List<String> members, int ringSeconds, int wrapUpSeconds,
                           int maxWaitSeconds, int maxCallers, Optional<QueueAction> timeoutAction, Optional<String> mohClass,
                           int announceSeconds, Optional<VoicemailExit> voicemailExit, int serviceLevelSeconds,
                           Map<String, Integer> skillRequirements, Optional<QueueCallback> callback) {
    public static final int MAX_MEMBERS = 200;

    public NewCallQueue {
        Fields.recordName(name);
        Fields.check(strategy != null, "strategy", "must be one of " + QueueStrategy.keys());
        members = Fields.distinctExtensions(members, MAX_MEMBERS);
        Fields.check(ringSeconds >= 5 && ringSeconds <= 300, "ring_seconds", "must be 5 to 300");
        Fields.check(wrapUpSeconds >= 0 && wrapUpSeconds <= 3600, "wrap_up_seconds", "must be 0 to 3600");
        Fields.check(maxWaitSeconds >= 0 && maxWaitSeconds <= 86400, "max_wait_seconds", "must be 0 (no limit) to 86400");
        Fields.check(maxCallers >= 0 && maxCallers <= 10000, "max_callers", "must be 0 (no limit) to 10000");
        Fields.check(timeoutAction != null, "timeout_action", "is required (may be empty)");
        Fields.check(mohClass != null, "moh_class", "is required (may be empty)");
        mohClass.ifPresent(c -> Fields.check(!c.isBlank() && c.length() <= 64, "moh_class", "must be 1 to 64 characters"));
        Fields.check(announceSeconds >= 0 && announceSeconds <= 3600, "announce_seconds", "must be 0 (never) to 3600");
        Fields.check(voicemailExit != null, "voicemail_exit", "is required (may be empty)");
        Fields.check(serviceLevelSeconds >= 1 && serviceLevelSeconds <= 3600, "service_level_seconds", "must be 1 to 3600");
        skillRequirements = Skills.checked(skillRequirements, "skill_requirements");
        Fields.check(callback != null, "callback", "is required (may be empty)");
        callback.ifPresent(c -> Fields.check(voicemailExit.isEmpty() || voicemailExit.get().digit() != c.digit(),
                "callback.digit", "must differ from the voicemail key"));
    }
}
