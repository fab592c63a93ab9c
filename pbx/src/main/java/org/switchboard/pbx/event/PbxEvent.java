package org.switchboard.pbx.event;

import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened in the PBX, published on the {@link EventBus} after it happened (after
 * the commit, for stored changes). Immutable records; the family is sealed so a subscriber's
 * {@code switch} names every kind it handles.
 */
public sealed interface PbxEvent {
    /** When it happened. */
    Instant at();

    /** A call arrived and was routed to {@code callee}; its legs are being set up. */
    record CallStarted(Instant at, String callId, String caller, String callee) implements PbxEvent {}

    /** The callee answered. */
    record CallAnswered(Instant at, String callId) implements PbxEvent {}

    /** The call ended with this CDR disposition (ANSWERED, NO ANSWER, BUSY, FAILED, CANCELLED). */
    record CallEnded(Instant at, String callId, String disposition, String hangupCause) implements PbxEvent {}

    /**
     * How a call the PBX originated for {@code from} to {@code to} goes (click-to-dial, docs/click-to-dial.md):
     * {@code stage} is {@code ringing} ({@code from}'s phones ring), {@code answered} ({@code from} answered and
     * {@code to} is being reached), {@code connected} ({@code to} took the call) or {@code failed}, with the SIP
     * {@code status} and {@code reason} of the failure (0 and empty otherwise).
     */
    record OriginateProgress(Instant at, String callId, String from, String to, String stage, int status, String reason)
            implements PbxEvent {}

    /** Extension {@code extension} now has {@code bindings} registered contacts (0 = unregistered). */
    record RegistrationChanged(Instant at, String extension, int bindings) implements PbxEvent {}

    /**
     * A caller left message {@code messageId} in voicemail box {@code box} (committed, its audio
     * on disk); {@code callerNumber} and {@code callerName} as the call presented them (empty when
     * unknown).
     */
    record VoicemailLeft(Instant at, String box, long messageId, String callerNumber, String callerName,
            Duration duration) implements PbxEvent {}

    /**
     * A stored setting changed: {@code entity} names the feature's records (e.g. {@code extension},
     * {@code device}, {@code dialplan_rule}), {@code key} the record (e.g. the extension number).
     */
    record ConfigChanged(Instant at, String entity, String key, Change change) implements PbxEvent {}

    /**
     * Something an operator should look at: {@code kind} says what ({@code sip_source_banned},
     * {@code sip_extension_guessed}), {@code source} and {@code extension} where from and whom it
     * concerns (empty when not known), {@code detail} a sentence for people.
     */
    record SecurityAlert(Instant at, String kind, String source, String extension, String detail)
            implements PbxEvent {}

    /**
     * Something happened in call queue {@code queue} (docs/queues.md): {@code activity} says what
     * ({@code joined}, {@code answered}, {@code abandoned}, {@code timeout}, {@code full}, {@code
     * voicemail}, {@code agent_logged_in}, {@code agent_logged_out}, {@code agent_paused}, {@code
     * agent_unpaused}); {@code callId} and {@code caller} name the waiting call, {@code agent} the
     * agent (each empty when it does not apply); {@code waiting} is how many callers wait now.
     */
    record QueueActivity(Instant at, String queue, String activity, String callId, String caller, String agent,
            int waiting) implements PbxEvent {}

    /**
     * Extension {@code extension} ({@code name}, empty when it has none) dialled emergency number
     * {@code number} in call {@code callId}; the emergency service sees {@code callbackNumber} and
     * {@code location} (the civic address on one line, empty when none is saved). docs/emergency.md.
     */
    record EmergencyCall(Instant at, String callId, String extension, String name, String number,
            String callbackNumber, String location) implements PbxEvent {}

    /** What happened to the record of a {@link ConfigChanged}. */
    enum Change { CREATED, UPDATED, DELETED }
}
