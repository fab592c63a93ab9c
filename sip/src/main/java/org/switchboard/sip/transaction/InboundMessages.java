package org.switchboard.sip.transaction;

import java.util.Optional;
import org.switchboard.sip.message.RequestEssentials;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.FrameReceiver;
import org.switchboard.sip.transport.InputFault;
import org.switchboard.sip.transport.InputFaultLog;
import org.switchboard.sip.transport.StackMetrics;

/**
 * Parses each framed message and hands it to the transaction layer. Unparseable input is answered
 * statelessly with 400 (or 501, 505) naming the fault when it has a Via line to answer to (RFC 3261
 * §8.2.6), else dropped; both are counted by {@link InputFault} and logged, rate-limited, by the
 * {@link InputFaultLog}. Runs on the event loop that received the bytes,
 * or, for a message handed over unparsed, on the serial executor of its Call-ID.
 */
public final class InboundMessages implements FrameReceiver {
    private final SipParser parser;
    private final TransactionLayer transactions;
    private final StackMetrics metrics;
    private final InputFaultLog faults;

    /** @param faults where faulty input is logged, rate-limited per cause and source */
    public InboundMessages(SipParser parser, TransactionLayer transactions, StackMetrics metrics,
            InputFaultLog faults) {
        this.faults = faults;
        this.parser = parser;
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Parses and routes a message; a new request outside a dialog may be shed (503) when overloaded. */
    @Override
    public void receive(byte[] bytes, Flow flow) {
        receive(bytes, flow, true);
    }

    /**
     * Parses and routes a message that was already admitted while the stack was not overloaded:
     * it is never shed, since it was accepted into an executor's queue before the backlog grew.
     */
    public void receiveAdmitted(byte[] bytes, Flow flow) {
        receive(bytes, flow, false);
    }

    private void receive(byte[] bytes, Flow flow, boolean mayShed) {
        SipMessage message;
        try {
            message = parser.parseOwned(bytes); // a fresh array per message (FrameReceiver)
        } catch (SipParseException e) {
            metrics.parseFailure(flow.transport(), InputFault.of(e));
            Optional<RequestEssentials> answerable =
                    e.essentials().filter(essentials -> !essentials.method().equals(SipMethod.ACK));
            if (answerable.isPresent()) {
                answer(answerable.get(), e, flow);
            } else {
                faults.record(e.reason(), flow.transport(), flow.remote().getAddress(), "dropped");
            }
            return;
        }
        try {
            transactions.receive(message, flow, mayShed);
        } catch (SipParseException e) {
            // A header the transaction layer needs failed on first typed access.
            metrics.parseFailure(flow.transport(), InputFault.of(e));
            faults.record(e.reason(), flow.transport(), flow.remote().getAddress(), "dropped");
        }
    }

    /**
     * RFC 3261 §8.2.6: 400 (or 505, 513) naming the fault. With a readable top Via the answer is
     * routed by §18.2.2 like any response; without one, the source of the request is the only
     * address known, and the answer goes back there.
     */
    private void answer(RequestEssentials essentials, SipParseException e, Flow flow) {
        faults.record(e.reason(), flow.transport(), flow.remote().getAddress(), "answered " + e.status());
        Optional<Via> top = essentials.topVia();
        if (top.isPresent()) {
            transactions.sendStatelessResponse(
                    essentials.respond(e.status(), e.reason(), ViaRules.stampReceived(top.get(), flow)), flow);
        } else {
            transactions.sendToSource(essentials.respond(e.status(), e.reason()), flow);
        }
    }
}
