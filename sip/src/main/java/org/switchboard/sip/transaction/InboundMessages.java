package org.switchboard.sip.transaction;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.sip.message.RequestEssentials;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.Via;
import org.switchboard.sip.parse.SipParser;
import org.switchboard.sip.transport.Flow;
import org.switchboard.sip.transport.FrameReceiver;
import org.switchboard.sip.transport.StackMetrics;

/**
 * Parses each framed message and hands it to the transaction layer. Unparseable input is answered
 * statelessly with 400 (or 505) naming the fault when the parser read enough to build a response
 * (RFC 3261 §8.2.6), else dropped; both are counted. Runs on the event loop that received the bytes,
 * or, for a message handed over unparsed, on the serial executor of its Call-ID.
 */
public final class InboundMessages implements FrameReceiver {
    private static final Logger log = LoggerFactory.getLogger(InboundMessages.class);

    private final SipParser parser;
    private final TransactionLayer transactions;
    private final StackMetrics metrics;

    public InboundMessages(SipParser parser, TransactionLayer transactions, StackMetrics metrics) {
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
            metrics.parseFailure(flow.transport());
            e.essentials().filter(essentials -> !essentials.cseq().method().equals(SipMethod.ACK))
                    .ifPresentOrElse(essentials -> answer(essentials, e, flow),
                            () -> log.debug("unparseable message dropped flow={} reason={}", flow, e.reason()));
            return;
        }
        try {
            transactions.receive(message, flow, mayShed);
        } catch (SipParseException e) {
            // A header the transaction layer needs (Via, CSeq) failed on first typed access.
            metrics.parseFailure(flow.transport());
            log.debug("message dropped flow={} reason={}", flow, e.reason());
        }
    }

    private void answer(RequestEssentials essentials, SipParseException e, Flow flow) {
        log.debug("bad request answered status={} reason={} flow={}", e.status(), e.reason(), flow);
        List<Via> vias = new ArrayList<>(essentials.vias());
        vias.set(0, ViaRules.stampReceived(vias.getFirst(), flow)); // so the 400 finds its way back
        RequestEssentials stamped = new RequestEssentials(vias, essentials.from(), essentials.to(),
                essentials.callId(), essentials.cseq());
        transactions.sendStatelessResponse(stamped.respond(e.status(), e.reason()), flow);
    }
}
