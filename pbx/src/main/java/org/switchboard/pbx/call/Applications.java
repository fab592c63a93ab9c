package org.switchboard.pbx.call;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The applications of a node by destination kind ({@link Application}): call control finds here
 * what runs a call the router sent to {@code Route.ToApplication}. Call control registers the
 * built-in {@code feature} application; feature modules register theirs while the node is wired,
 * before traffic. Thread-safe: registrations are serialized and publish an immutable map that call
 * executors read without locking.
 */
public final class Applications {
    private volatile Map<String, Application> byKind = Map.of();

    /** Registers {@code application} for destination kind {@code kind}; {@link IllegalStateException} when taken. */
    public synchronized Applications register(String kind, Application application) {
        if (byKind.containsKey(kind)) {
            throw new IllegalStateException("application registered twice for destination kind " + kind);
        }
        Map<String, Application> next = new HashMap<>(byKind);
        next.put(kind, application);
        byKind = Map.copyOf(next);
        return this;
    }

    /** The application for destination kind {@code kind}. */
    public Optional<Application> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
