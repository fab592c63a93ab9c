package org.switchboard.sip.transport;

/**
 * Hooks the stack calls as messages move, so a caller can feed any metrics library without the
 * stack depending on one. Called from event loop, timer and call executor threads concurrently, so
 * an implementation must be thread-safe and must not block.
 */
public interface StackMetrics {
    /** A message was received and framed. */
    void messageReceived(Transport transport);

    /** A message was handed to a channel for sending. */
    void messageSent(Transport transport);

    /** Input could not be framed or parsed (answered with 400, 505 or 513, or dropped), for {@code fault}. */
    void parseFailure(Transport transport, InputFault fault);

    /** A transaction retransmitted a request or a response (RFC 3261 §17 timers A, E, G). */
    void retransmission();

    /** A retransmitted request or response was absorbed by its transaction. */
    void retransmissionAbsorbed();

    /** A new request was answered 503 because the call executors were backed up (load shedding). */
    void requestShed();

    /** Metrics that count nothing. */
    StackMetrics NONE = new StackMetrics() {
        @Override
        public void messageReceived(Transport transport) {}

        @Override
        public void messageSent(Transport transport) {}

        @Override
        public void parseFailure(Transport transport, InputFault fault) {}

        @Override
        public void retransmission() {}

        @Override
        public void retransmissionAbsorbed() {}

        @Override
        public void requestShed() {}
    };
}
