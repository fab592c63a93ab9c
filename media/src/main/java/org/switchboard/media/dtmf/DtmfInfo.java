package org.switchboard.media.dtmf;

import java.time.Duration;
import java.util.Optional;

/**
 * A DTMF digit carried in a SIP INFO body, with its duration when the body gave one.
 *
 * <p>Immutable: any thread may use it.
 */
public record DtmfInfo(char digit, Optional<Duration> duration) {
    /** Validates the digit. */
    public DtmfInfo {
        if (!Dtmf.isDigit(digit)) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
    }
}
