package org.switchboard.sip.event;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.switchboard.sip.transaction.ServerTransaction;

/**
 * What an event package (RFC 6665 §7) tells the {@link Notifier}: its name, who may watch what, and
 * the state to notify. Implementations must be thread-safe: {@link #admit} runs on the
 * SUBSCRIBE's Call-ID executor, {@link #state} on any subscriber's.
 */
public interface EventPackage {

    /** The package's name as the Event header gives it ({@code message-summary}). */
    String name();

    /**
     * Decides on a new subscription: the resource it watches, or empty after answering {@code
     * subscribe} itself (a digest challenge, 403, 404). Must not block.
     */
    Optional<String> admit(ServerTransaction subscribe);

    /**
     * The current state of {@code resource} for a NOTIFY. May complete later (a database read); the
     * NOTIFY is sent when it does. Must not block and must complete (with a default state on failure).
     */
    CompletionStage<EventState> state(String resource);
}
