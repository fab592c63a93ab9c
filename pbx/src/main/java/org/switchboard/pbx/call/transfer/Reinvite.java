package org.switchboard.pbx.call.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.SdpParseException;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.pbx.call.CallLegs;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transport.NextHop;

/**
 * A re-INVITE a transfer sends to one leg of a call to point its phone at new media: its 2xx is
 * ACKed here (and again for each retransmission), refreshes the dialog's target, and its SDP
 * answer goes to {@code onAnswer}. A refusal or no answer is logged; the call goes on. Runs on the
 * call's executor, which owns the leg's dialog.
 */
final class Reinvite implements ClientTransactionListener<SipResponse> {
    private static final Logger log = LoggerFactory.getLogger(Reinvite.class);
    static final String SDP = "application/sdp";

    private final SipStack stack;
    private final CallLegs call;
    private final Dialog dialog;
    private final NextHop hop;
    private final Consumer<SessionDescription> onAnswer;
    private SipRequest ack;

    private Reinvite(SipStack stack, CallLegs call, Leg leg, Consumer<SessionDescription> onAnswer) {
        this.stack = stack;
        this.call = call;
        this.dialog = call.dialog(leg);
        this.hop = call.hop(leg);
        this.onAnswer = onAnswer;
    }

    /** Sends {@code leg}'s phone a re-INVITE offering {@code offer}. */
    static void send(SipStack stack, CallLegs call, Leg leg, byte[] offer, Consumer<SessionDescription> onAnswer) {
        Reinvite reinvite = new Reinvite(stack, call, leg, onAnswer);
        SipRequest request = reinvite.dialog.newRequest(SipMethod.INVITE).contact(call.contact(reinvite.hop.transport()))
                .body(SDP, offer).build();
        stack.send(request, reinvite.hop.transport(), reinvite.hop.address(), reinvite);
    }

    @Override
    public void onProvisional(SipResponse response) {}

    @Override
    public void onFinal(SipResponse response) {
        if (!response.isSuccess()) {
            log.info("phone refused the transfer's re-INVITE call_id={} status={}", call.id(), response.status());
            return;
        }
        if (ack != null) {
            stack.resend(ack, hop.transport(), hop.address());
            return;
        }
        ack = stack.sendStateless(dialog.ack(response.cseq().number()), hop.transport(), hop.address());
        dialog.receiveTargetRefreshResponse(response);
        sdp(response).ifPresent(onAnswer);
    }

    @Override
    public void onTimeout() {
        log.info("phone did not answer the transfer's re-INVITE call_id={}", call.id());
    }

    @Override
    public void onTransportError(Throwable cause) {
        log.info("phone unreachable for the transfer's re-INVITE call_id={} reason={}", call.id(), cause.toString());
    }

    /** The SDP body of a response, empty when there is none or it does not parse. */
    static Optional<SessionDescription> sdp(SipResponse response) {
        if (response.body().length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(SdpParser.parse(new String(response.body(), StandardCharsets.UTF_8)));
        } catch (SdpParseException e) {
            return Optional.empty();
        }
    }
}
