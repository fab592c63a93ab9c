package org.switchboard.pbx.call;

import java.time.Duration;
import java.util.Objects;
import org.switchboard.sip.message.SipUri;

/**
 * A leg for the PBX to originate ({@link CallControl#originate}). Immutable.
 *
 * @param target whom to ring
 * @param callerId the number the rung phone shows as calling (the From user)
 * @param callerName the name it shows with it, empty for none
 * @param dialled what the call is for, as the CDR's callee and the API show it until the leg is transferred
 * @param ringTimeout how long the phones may ring before the originate fails with 480 No Answer
 * @param autoAnswer whether the INVITE asks the phone to answer by itself ({@link OriginateRequest#AUTO_ANSWER})
 */
public record OriginateLeg(Target target, String callerId, String callerName, String dialled, Duration ringTimeout,
        boolean autoAnswer) {

    /** Whom an originate rings. */
    public sealed interface Target {
        /** Every phone registered for the extension, at once. */
        record Extension(String number) implements Target {}

        /** A SIP URI with an IP-literal host (a phone or gateway not registered here). */
        record Uri(SipUri uri) implements Target {}
    }

    public OriginateLeg {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(callerName, "callerName");
        Objects.requireNonNull(dialled, "dialled");
        if (ringTimeout.isNegative() || ringTimeout.isZero()) {
            throw new IllegalArgumentException("ring timeout must be positive: " + ringTimeout);
        }
    }
}
