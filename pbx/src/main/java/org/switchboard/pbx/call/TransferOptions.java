package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How {@link PbxLeg#transfer(org.switchboard.pbx.routing.Destination, TransferOptions)} rings an
 * extension. {@code ringTime}: how long its phones ring before the transfer fails with {@code 480 No
 * Answer} or follows the extension's no-answer fallback (empty: the extension's own ring time, else
 * {@code calls.no_answer_timeout}). {@code direct}: only the extension's registered phones ring, with
 * none of its forwarding, do-not-disturb forwarding or last resort; do-not-disturb is {@code 486}, no
 * phone {@code 480}, busy and no answer come back as a failed transfer, and {@code together} names
 * more extensions whose phones ring at the same time (the first to answer takes the caller; one on
 * do-not-disturb or without a phone is left out). A queue offering a caller to its agents wants
 * this: the next agent is tried, not the agent's voicemail. Immutable.
 */
public record TransferOptions(Optional<Duration> ringTime, boolean direct, List<String> together) {
    /** As the caller would dial it: the extension's own settings decide. */
    public static final TransferOptions DEFAULT = new TransferOptions(Optional.empty(), false, List.of());

    public TransferOptions {
        if (ringTime.isPresent() && (ringTime.get().isNegative() || ringTime.get().isZero())) {
            throw new IllegalArgumentException("ring time must be positive: " + ringTime.get());
        }
        together = List.copyOf(together);
        if (!direct && !together.isEmpty()) {
            throw new IllegalArgumentException("only a direct transfer rings several extensions together");
        }
    }

    /** Only the extension's phones, and those of {@code together}, for {@code ringTime}: no forwarding, no last resort. */
    public static TransferOptions direct(Duration ringTime, List<String> together) {
        return new TransferOptions(Optional.of(ringTime), true, together);
    }
}
