package org.switchboard.store.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call queues, their members and the agents' states, written through: each method is one
 * transaction, committed when it returns. Thread-safe; never call from an event loop or a call
 * thread. Every method may throw {@link org.switchboard.store.db.UnavailableException}.
 */
public interface CallQueueStore {

    /** Every queue with its members, by name. */
    List<CallQueue> list();

    /** The queue called {@code name}. */
    Optional<CallQueue> find(String name);

    /** Stores a new queue; {@code ConflictException} on {@code name} when one has that name. */
    CallQueue create(NewCallQueue queue, Instant now);

    /** Replaces the queue called {@code name} (its members too); {@code NotFoundException} when there is none. */
    CallQueue update(String name, NewCallQueue queue, Instant now);

    /** Removes the queue called {@code name} and its members; {@code NotFoundException} when there is none. */
    void delete(String name);

    /** Every stored agent state (agents without one are logged in and not paused). */
    List<AgentState> agents();

    /** The outcomes of queue {@code queue}'s callers, the latest first, at most {@code limit}. */
    List<QueueCall> calls(String queue, int limit);

    /** Every agent's skills (skill name to level), by extension; agents without skills are left out. */
    Map<String, Map<String, Integer>> agentSkills();

    /** Replaces extension {@code extension}'s skills (checked by {@link Skills#checked}). */
    void saveAgentSkills(String extension, Map<String, Integer> skills);

    /** Stores extension {@code extension}'s state; {@code NotFoundException} when the extension does not exist. */
    AgentState saveAgent(String extension, boolean loggedIn, boolean paused, Instant now);

    /** Stores a waiting callback request for queue {@code queue}; {@code NotFoundException} when there is no such queue. */
    CallbackRequest addCallback(String queue, String number, String callId, Instant enqueuedAt, Instant now);

    /** Queue {@code queue}'s callback requests in every state, first in line first. */
    List<CallbackRequest> callbacks(String queue);

    /** Every queue's requests still to call back ({@code waiting} or {@code calling}), first in line first. */
    List<CallbackRequest> pendingCallbacks();

    /** Stores request {@code id}'s state and tries (nothing when it was deleted meanwhile). */
    void saveCallback(long id, String state, int attempts, Instant now);

    /** Removes request {@code id} of queue {@code queue}; {@code NotFoundException} when there is none. */
    void deleteCallback(String queue, long id);
}
