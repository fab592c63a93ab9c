package org.switchboard.pbx.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.store.dialplan.RuleAction;

/**
 * The registry of destination kinds the dial plan knows (docs/call-engine.md): a rule's action
 * must name one, and routing asks it what a matching rule decides. The dial plan registers the
 * built-in kinds; each feature module registers its own while the node is wired, before traffic.
 * Thread-safe: registrations are serialized and publish an immutable map that routing reads
 * without locking.
 */
public final class DestinationKinds {
    private volatile Map<String, DestinationKind> kinds = Map.of();

    /** A registry with the built-in kinds: {@code extension} (asking {@code extensions}), {@code feature}, {@code reject}. */
    public static DestinationKinds builtIn(ExtensionDirectory extensions) {
        return new DestinationKinds().register(new ExtensionKind(extensions)).register(new FeatureKind())
                .register(new RejectKind());
    }

    /** Adds {@code kind}; {@link IllegalStateException} when its name is taken or malformed. */
    public synchronized DestinationKinds register(DestinationKind kind) {
        if (RuleAction.parse(kind.name()).filter(a -> a.key().equals(kind.name())).isEmpty()) {
            throw new IllegalStateException("not a destination kind name: " + kind.name());
        }
        if (kinds.containsKey(kind.name())) {
            throw new IllegalStateException("destination kind registered twice: " + kind.name());
        }
        Map<String, DestinationKind> next = new LinkedHashMap<>(kinds);
        next.put(kind.name(), kind);
        kinds = Collections.unmodifiableMap(next);
        return this;
    }

    /** The kind registered under {@code name}. */
    public Optional<DestinationKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** Every registered kind, in registration order. */
    public List<DestinationKind> all() {
        return new ArrayList<>(kinds.values());
    }

    /** The registered names, comma-separated, for error messages. */
    public String names() {
        return kinds.keySet().stream().collect(Collectors.joining(", "));
    }
}
