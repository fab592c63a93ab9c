package org.switchboard.pbx.call;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls ringing phones on this node now, and which extensions they ring: what call pickup chooses from
 * (docs/pickup.md). A {@link Call} puts itself here while its callee's phones ring (a ring group's call under
 * every member rung) and takes itself out when it is answered or ends. Thread-safe: calls update it from their
 * executors, pickup reads it from the picker's.
 */
public final class RingingCalls {

    /**
     * A call ringing now.
     *
     * @param callId the call's id
     * @param caller who calls
     * @param extensions the extensions whose phones ring for it
     * @param since when it first rang: the longest-ringing call is the one with the earliest
     */
    public record Ringing(String callId, String caller, Set<String> extensions, Instant since) {
        public Ringing {
            extensions = Set.copyOf(extensions);
        }
    }

    private static final Comparator<Ringing> LONGEST_FIRST =
            Comparator.comparing(Ringing::since).thenComparing(Ringing::callId);

    private final Map<String, Ringing> byCallId = new ConcurrentHashMap<>();

    /** Call {@code callId} rings {@code extensions} now; a ring that moves on (forwarding) keeps its first {@code since}. */
    void ringing(String callId, String caller, Set<String> extensions, Instant since) {
        byCallId.merge(callId, new Ringing(callId, caller, extensions, since),
                (old, next) -> new Ringing(callId, caller, extensions, old.since()));
    }

    /** Call {@code callId} rings nothing any more (answered, picked up, ended, handed to an application). */
    void stopped(String callId) {
        byCallId.remove(callId);
    }

    /** Every call ringing now, the longest-ringing first. */
    public List<Ringing> all() {
        return byCallId.values().stream().sorted(LONGEST_FIRST).toList();
    }

    /** The longest-ringing call that rings any of {@code extensions}, if one does, other than {@code picker}'s own calls. */
    public Optional<Ringing> longestRinging(Collection<String> extensions, String picker) {
        return byCallId.values().stream().filter(r -> !r.caller().equals(picker))
                .filter(r -> extensions.stream().anyMatch(r.extensions()::contains))
                .min(LONGEST_FIRST);
    }
}
