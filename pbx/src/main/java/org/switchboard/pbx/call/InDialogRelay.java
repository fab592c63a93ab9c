package org.switchboard.pbx.call;

import java.util.Optional;
import java.util.OptionalInt;
import org.switchboard.media.rtp.Leg;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.SipMessage;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transaction.ServerTransaction;
import org.switchboard.sip.transport.NextHop;

/**
 * Passes the in-dialog requests of an answered call from one leg to the other and their final
 * responses back: re-INVITE (hold and resume, RFC 3264 §8.4) and UPDATE (RFC 3311) with their SDP
 * re-anchored on the relay, INFO (DTMF) and anything else with its body as it came. The B2BUA
 * ACKs a relayed re-INVITE's 2xx itself; the originator's ACK ends at the PBX, unless the re-INVITE
 * had no SDP: then the 2xx carries the other phone's offer and its ACK waits for the originator's,
 * which carries the answer (RFC 3261 §14.1, RFC 3264 §5). One re-INVITE at a
 * time per call: a second one meets 491 (RFC 3261 §14.2). Owned by the call's executor.
 */
final class InDialogRelay {
    private final SipStack stack;
    private final LocalContact contacts;
    private final RefreshAnswer refreshAnswer;
    private final Dialog[] dialogs = new Dialog[2];
    private final NextHop[] hops = new NextHop[2];
    private CallMedia media;
    private boolean inviteInProgress;
    private Relayed awaitingAnswer; // a re-INVITE without SDP whose 2xx offer waits for the answer in the sender's ACK

    /** What the PBX adds to its 2xx for a leg's re-INVITE or UPDATE: the session timer's say (RFC 4028 §9). */
    @FunctionalInterface
    interface RefreshAnswer {
        SipResponse answer(Leg from, SipRequest refresh, SipResponse ok);
    }

    InDialogRelay(SipStack stack, LocalContact contacts, RefreshAnswer refreshAnswer) {
        this.stack = stack;
        this.contacts = contacts;
        this.refreshAnswer = refreshAnswer;
    }

    /** Links the caller's and the callee's dialogs once the call is answered. */
    void connect(Dialog caller, NextHop callerHop, Dialog callee, NextHop calleeHop, CallMedia callMedia) {
        dialogs[Leg.A.ordinal()] = caller;
        hops[Leg.A.ordinal()] = callerHop;
        dialogs[Leg.B.ordinal()] = callee;
        hops[Leg.B.ordinal()] = calleeHop;
        this.media = callMedia;
    }

    /** Relays {@code tx}, received on leg {@code from}, to the other leg. */
    void relay(Leg from, ServerTransaction tx) {
        SipRequest request = tx.request();
        OptionalInt outOfOrder = dialogs[from.ordinal()].receive(request);
        if (outOfOrder.isPresent()) {
            tx.respond(request.createResponse(outOfOrder.getAsInt()));
            return;
        }
        boolean invite = request.method().equals(SipMethod.INVITE);
        if (invite && inviteInProgress) {
            tx.respond(request.createResponse(491)); // RFC 3261 §14.2: one offer at a time
            return;
        }
        Leg to = from.other();
        SipRequest.Builder out = dialogs[to.ordinal()].newRequest(request.method());
        if (isTargetRefresh(request.method())) {
            out.contact(contacts.on(hops[to.ordinal()].transport()));
        }
        Optional<SessionDescription> offer = CallMedia.sdpOf(request);
        if (offer.isPresent()) {
            media.followOffer(from, offer.get());
            out.body(CallMedia.SDP, media.relay(from, offer.get()));
        } else {
            copyBody(request, out);
        }
        inviteInProgress |= invite;
        NextHop hop = hops[to.ordinal()];
        stack.send(out.build(), hop.transport(), hop.address(), new Relayed(tx, to, offer.isPresent()));
    }

    /**
     * An ACK from leg {@code from} for the 2xx we passed it. When it answers the offer of a re-INVITE
     * without SDP, the answer goes on in the other phone's ACK.
     *
     * @return why the call must end: the ACK carried no usable answer to that offer
     */
    Optional<String> onAck(Leg from, SipRequest ack) {
        Relayed waiting = awaitingAnswer;
        if (waiting == null || waiting.to != from.other()
                || ack.cseq().number() != waiting.original.request().cseq().number()) {
            return Optional.empty();
        }
        awaitingAnswer = null;
        Optional<SessionDescription> answer = CallMedia.sdpOf(ack);
        SipRequest out = dialogs[waiting.to.ordinal()].ack(waiting.cseq);
        if (answer.isPresent()) {
            media.followOffer(from, answer.get());
            out = out.withBody(CallMedia.SDP, media.relay(from, answer.get()));
        }
        NextHop hop = hops[waiting.to.ordinal()];
        waiting.ack = stack.sendStateless(out, hop.transport(), hop.address());
        return answer.isPresent() ? Optional.empty() : Optional.of("no SDP answer in the ACK of a re-INVITE without SDP");
    }

    private static void copyBody(SipMessage from, SipRequest.Builder to) {
        byte[] body = from.body();
        if (body.length > 0) {
            to.body(from.headers().first(HeaderName.CONTENT_TYPE).orElse("application/octet-stream"), body);
        }
    }

    private static boolean isTargetRefresh(SipMethod method) {
        return method.equals(SipMethod.INVITE) || method.equals(SipMethod.UPDATE);
    }

    /** The final response of the relayed request goes back to the leg that sent the original. */
    private final class Relayed implements ClientTransactionListener<SipResponse> {
        private final ServerTransaction original;
        private final Leg to;
        private final boolean offered;
        private SipRequest ack;
        private long cseq;

        Relayed(ServerTransaction original, Leg to, boolean offered) {
            this.original = original;
            this.to = to;
            this.offered = offered;
        }

        @Override
        public void onProvisional(SipResponse response) {
            // 100/180 to a re-INVITE say nothing the other phone needs.
        }

        @Override
        public void onFinal(SipResponse response) {
            boolean invite = original.method().equals(SipMethod.INVITE);
            NextHop hop = hops[to.ordinal()];
            if (invite && response.isSuccess()) {
                if (ack != null) {
                    stack.resend(ack, hop.transport(), hop.address()); // a retransmitted 2xx
                    return;
                }
                if (awaitingAnswer == this) {
                    return; // a retransmitted 2xx while the originator's answer is awaited: our own 2xx is resent
                }
                cseq = response.cseq().number();
                if (!offered && CallMedia.sdpOf(response).isPresent()) {
                    awaitingAnswer = this; // the answer comes in the originator's ACK (onAck)
                } else {
                    ack = stack.sendStateless(dialogs[to.ordinal()].ack(cseq), hop.transport(), hop.address());
                }
            }
            dialogs[to.ordinal()].receiveTargetRefreshResponse(response);
            if (invite) {
                inviteInProgress = false;
            }
            SipResponse back = original.request().createResponse(response.status(), response.reason());
            if (response.isSuccess() && isTargetRefresh(original.method())) {
                back = back.withHeader(HeaderName.CONTACT, contacts.on(original.flow().transport()).toString());
                back = refreshAnswer.answer(to.other(), original.request(), back);
            }
            Optional<SessionDescription> answer = CallMedia.sdpOf(response);
            if (answer.isPresent()) {
                back = back.withBody(CallMedia.SDP, media.relay(to, answer.get()));
            } else if (response.body().length > 0) {
                back = back.withBody(response.headers().first(HeaderName.CONTENT_TYPE).orElse("application/octet-stream"),
                        response.body());
            }
            original.respond(back);
        }

        @Override
        public void onTimeout() {
            finish(408);
        }

        @Override
        public void onTransportError(Throwable cause) {
            finish(503);
        }

        private void finish(int status) {
            if (original.method().equals(SipMethod.INVITE)) {
                inviteInProgress = false;
            }
            original.respond(original.request().createResponse(status));
        }
    }
}
