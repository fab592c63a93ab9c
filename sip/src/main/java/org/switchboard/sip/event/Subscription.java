package org.switchboard.sip.event;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.transport.Flow;

/**
 * One accepted subscription on the notifier's side (RFC 6665 §4.2): its dialog, what it watches,
 * the flow NOTIFYs go back over (the one the SUBSCRIBE came on, NAT included) and when it ends.
 * Owned by the serial executor of its Call-ID: only that executor reads or changes the mutable
 * fields; {@link #resource} and {@link #event} are final and may be read anywhere.
 */
final class Subscription {
    final Dialog dialog;
    final EventPackage eventPackage;
    final EventHeader event;
    final String resource;
    final Executor executor;
    Flow flow;
    Instant expiresAt;
    ScheduledFuture<?> expiry;
    boolean terminated;

    Subscription(Dialog dialog, EventPackage eventPackage, EventHeader event, String resource, Executor executor,
            Flow flow, Instant expiresAt) {
        this.dialog = dialog;
        this.eventPackage = eventPackage;
        this.event = event;
        this.resource = resource;
        this.executor = executor;
        this.flow = flow;
        this.expiresAt = expiresAt;
    }

    /** Seconds left at {@code now}, rounded up, never below 0. */
    long remainingSeconds(Instant now) {
        long millis = expiresAt.toEpochMilli() - now.toEpochMilli();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }
}
