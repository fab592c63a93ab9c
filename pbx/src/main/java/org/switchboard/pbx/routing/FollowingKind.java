package org.switchboard.pbx.routing;

import java.util.Optional;

/**
 * A destination kind that may ring a list of its own in place of an extension's phones whenever the
 * extension is reached (follow-me, docs/follow-me.md): {@link CallRouter} asks it after forward
 * always and do-not-disturb, and rings the {@link Hunt} it gives as it rings a ring group, ending in
 * the extension's forwarding on no answer or last resort. Implementations answer from memory (they
 * run on call executors) and are thread-safe.
 */
public interface FollowingKind extends DestinationKind {

    /** What rings for a call reaching extension {@code number}; empty when it rings its own phones as usual. */
    Optional<Hunt> forExtension(String number);
}
