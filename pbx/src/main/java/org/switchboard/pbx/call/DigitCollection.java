package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link PbxLeg#collectDigits} waits for: up to {@code maxDigits} keys, ended early by the
 * {@code terminator} key (not included in the result), by no first key within
 * {@code firstDigitTimeout}, or by a pause longer than {@code interDigitTimeout} between keys. Immutable.
 */
public record DigitCollection(int maxDigits, Optional<Character> terminator, Duration firstDigitTimeout,
        Duration interDigitTimeout) {
    public DigitCollection {
        if (maxDigits < 1 || maxDigits > 64) {
            throw new IllegalArgumentException("maxDigits must be 1 to 64: " + maxDigits);
        }
        if (firstDigitTimeout.isNegative() || firstDigitTimeout.isZero() || interDigitTimeout.isNegative()
                || interDigitTimeout.isZero()) {
            throw new IllegalArgumentException("digit timeouts must be positive");
        }
    }

    /** The keys collected and why collecting stopped. Immutable. */
    public record Result(String digits, Ending ending) {}

    /** Why collecting stopped. */
    public enum Ending {
        /** {@code maxDigits} keys came. */
        MAX_DIGITS,
        /** The terminator key came. */
        TERMINATOR,
        /** No (further) key within the timeout. */
        TIMEOUT
    }
}
