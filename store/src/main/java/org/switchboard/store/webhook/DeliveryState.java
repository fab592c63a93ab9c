package org.switchboard.store.webhook;

import java.util.Locale;

/** Where one delivery attempt stands; stored as the lower-case name. */
public enum DeliveryState {
    /** Waiting for its time ({@code next_attempt_at}) to be sent. */
    PENDING,
    /** Sent and refused or unanswered; its retry is the next attempt's row. */
    FAILED,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The last attempt failed; no more retries (a re-send starts one more). */
    DEAD;

    /** The stored and API spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryState of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
