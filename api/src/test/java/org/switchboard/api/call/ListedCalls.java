package org.switchboard.api.call;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.switchboard.pbx.call.ActiveCalls;
import org.switchboard.pbx.call.CallSnapshot;

/**
 * Calls in progress given by the test, for the HTTP and panel tests of the calls routes until call
 * control (issue 6) runs in these tests: hanging up removes the call and remembers who did it.
 * Thread-safe: the test thread adds calls, HTTP threads read and hang up.
 */
public final class ListedCalls implements ActiveCalls {
    private final Map<String, CallSnapshot> calls = new ConcurrentHashMap<>();
    private final Map<String, String> hungUpBy = new ConcurrentHashMap<>();

    public void add(CallSnapshot call) {
        calls.put(call.id(), call);
    }

    /** Who hung call {@code id} up, if someone did. */
    public Optional<String> hungUpBy(String id) {
        return Optional.ofNullable(hungUpBy.get(id));
    }

    @Override
    public CompletableFuture<List<CallSnapshot>> list() {
        return CompletableFuture.completedFuture(
                calls.values().stream().sorted(Comparator.comparing(CallSnapshot::startedAt)).toList());
    }

    @Override
    public CompletableFuture<Optional<CallSnapshot>> find(String id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(calls.get(id)));
    }

    @Override
    public CompletableFuture<Boolean> hangUp(String id, String actor) {
        boolean found = calls.remove(id) != null;
        if (found) {
            hungUpBy.put(id, actor);
        }
        return CompletableFuture.completedFuture(found);
    }
}
