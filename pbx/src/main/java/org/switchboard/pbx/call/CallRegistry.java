package org.switchboard.pbx.call;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls in progress on this node, found by any of their Call-IDs (the caller's, and each
 * fork's). Thread-safe: calls add and remove themselves from their own executors while the API
 * lists them from HTTP threads; each {@link CallSession} itself is only touched on its executor.
 */
final class CallRegistry {
    private final Map<String, CallSession> byCallId = new ConcurrentHashMap<>();
    private final Map<String, CallSession> calls = new ConcurrentHashMap<>();

    /** Registers a call under its own id; false when a call with that Call-ID is already in progress. */
    boolean addCall(CallSession call) {
        if (byCallId.putIfAbsent(call.id(), call) != null) {
            return false;
        }
        calls.put(call.id(), call);
        return true;
    }

    /** Registers one more Call-ID (a fork's) of a call. */
    void add(String legCallId, CallSession call) {
        byCallId.put(legCallId, call);
    }

    /** {@code next} takes over {@code previous}'s id (a PBX-answered caller bridged to an extension). */
    void replaceCall(CallSession previous, CallSession next) {
        calls.replace(previous.id(), previous, next);
        byCallId.replace(previous.id(), previous, next);
    }

    Optional<CallSession> find(String callId) {
        return Optional.ofNullable(byCallId.get(callId));
    }

    /** The call with this id (the caller's Call-ID). */
    Optional<CallSession> call(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    void remove(CallSession call, List<String> legCallIds) {
        calls.remove(call.id(), call);
        byCallId.remove(call.id(), call);
        legCallIds.forEach(id -> byCallId.remove(id, call));
    }

    Collection<CallSession> all() {
        return List.copyOf(calls.values());
    }
}
