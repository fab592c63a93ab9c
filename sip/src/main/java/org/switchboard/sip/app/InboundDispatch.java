package org.switchboard.sip.app;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.switchboard.sip.transaction.InboundMessages;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.FrameReceiver;

/**
 * Takes each received message off the event loop unparsed: it goes to the serial executor of its
 * Call-ID (found by {@link CallIdScanner}), which parses it and matches its transaction there. The
 * one UDP listener's event loop then only reads and copies datagrams, and the parsing of all
 * traffic spreads over the call threads, in order per Call-ID as before. While the call executors
 * have a backlog, or when no Call-ID line is found, a message is parsed on the event loop as
 * before: a retransmission of a request still being worked on is then dropped there instead of
 * queueing one more task behind the backlog (peers retransmit most when we are slow), a new
 * request can be shed with 503 at once, a broken one answered 400. Called on the receiving event
 * loop.
 */
final class InboundDispatch implements FrameReceiver {
    private final CallExecutors executors;
    private final InboundMessages inbound;
    private final BooleanSupplier backlogged;

    /** @param backlogged whether the call executors are behind (cheap: called for every message) */
    InboundDispatch(CallExecutors executors, InboundMessages inbound, BooleanSupplier backlogged) {
        this.executors = executors;
        this.inbound = inbound;
        this.backlogged = backlogged;
    }

    @Override
    public void receive(byte[] message, Flow flow) {
        Optional<String> callId = backlogged.getAsBoolean() ? Optional.empty() : CallIdScanner.find(message);
        if (callId.isEmpty()) {
            inbound.receive(message, flow);
            return;
        }
        executors.forCallId(callId.get()).execute(() -> inbound.receiveAdmitted(message, flow));
    }
}
