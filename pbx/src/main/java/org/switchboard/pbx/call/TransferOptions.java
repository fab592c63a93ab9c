package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.Optional;

/**
 * How {@link PbxLeg#transfer(org.switchboard.pbx.routing.Destination, TransferOptions)} rings an
 * extension. {@code ringTime}: how long its phones ring before the transfer fails with {@code 480 No
 * Answer} or follows the extension's no-answer fallback (empty: the extension's own ring time, else
 * {@code calls.no_answer_timeout}). {@code direct}: only the extension's registered phones ring, with
 * none of its forwarding, do-not-disturb forwarding or last resort; do-not-disturb is {@code 486}, no
 * phone {@code 480}, busy and no answer come back as a failed transfer. A queue offering a caller to
 * an agent wants this: the next agent is tried, not the agent's voicemail. Immutable.
 */
public record TransferOptions(Optional<Duration> ringTime, boolean direct) {
    /** As the caller would dial it: the extension's own settings decide. */
    public static final TransferOptions DEFAULT = new TransferOptions(Optional.empty(), false);

    public TransferOptions {
        if (ringTime.isPresent() && (ringTime.get().isNegative() || ringTime.get().isZero())) {
            throw new IllegalArgumentException("ring time must be positive: " + ringTime.get());
        }
    }

    /** Only the extension's phones, for {@code ringTime}: no forwarding, no last resort. */
    public static TransferOptions direct(Duration ringTime) {
        return new TransferOptions(Optional.of(ringTime), true);
    }
}
