package org.switchboard.pbx.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a ringing call goes next when the rung extension is busy or does not answer: call control
 * hands it back to {@link CallRouter#follow} when that happens. {@code after} is how long to ring
 * before giving up for {@link ForwardReason#NO_ANSWER} (the extension's no-answer time), zero for
 * {@link ForwardReason#BUSY}. {@code target} is the forwarding target as set, or for the
 * extension's last resort ({@code lastResort} present, e.g. its voicemail box) that destination's
 * target. Immutable.
 */
public record Fallback(ForwardReason reason, String target, Duration after, Optional<Destination> lastResort) {

    /** A forwarding to {@code target}. */
    public Fallback(ForwardReason reason, String target, Duration after) {
        this(reason, target, after, Optional.empty());
    }

    /** The extension's last resort {@code destination} takes the call. */
    static Fallback lastResort(ForwardReason reason, Destination destination, Duration after) {
        return new Fallback(reason, destination.target(), after, Optional.of(destination));
    }
}
