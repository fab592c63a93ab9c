package org.switchboard.pbx.call;

import java.net.InetSocketAddress;
import java.util.function.BiConsumer;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.ClientTransaction;
import org.switchboard.sip.transaction.ClientTransactionListener;
import org.switchboard.sip.transport.NextHop;

/**
 * A SIP dialog the PBX starts as UAC for a call: the INVITE to one target of an {@link
 * Originate} (a registered phone, reached over the flow it registered from, NAT included; or a
 * SIP URI), its progress, and once it answered its dialog. A leg can also be adopted already
 * answered: a phone's dialog taken over from another call by an attended transfer, with no INVITE
 * of ours behind it. Owned by the call's executor (its Call-ID is joined to the call's).
 */
public final class OutboundLeg implements ClientTransactionListener<SipResponse> {
    /** Where the leg is. */
    public enum State { CALLING, RINGING, CANCELLING, ANSWERED, ENDED }

    private final NextHop hop;
    private final String callId;
    private final SipRequest invite; // null for an adopted leg, which was never invited by this call
    private final BiConsumer<OutboundLeg, SipResponse> responses;
    private ClientTransaction transaction;
    private State state = State.CALLING;
    private boolean cancelWanted;
    private Dialog dialog;
    private SipRequest ack;

    /** @param responses gets every response, a timeout as 408 and a transport failure as 503 */
    OutboundLeg(NextHop hop, SipRequest invite, BiConsumer<OutboundLeg, SipResponse> responses) {
        this.hop = hop;
        this.callId = invite.callId();
        this.invite = invite;
        this.responses = responses;
    }

    private OutboundLeg(NextHop hop, Dialog dialog) {
        this.hop = hop;
        this.callId = dialog.id().callId();
        this.invite = null;
        this.responses = (leg, response) -> { };
        this.dialog = dialog;
        this.state = State.ANSWERED;
    }

    /** A phone's answered dialog, reached at {@code hop}, that this call takes over from another call. */
    static OutboundLeg adopted(NextHop hop, Dialog dialog) {
        return new OutboundLeg(hop, dialog);
    }

    public String callId() {
        return callId;
    }

    public SipRequest invite() {
        return invite;
    }

    public NextHop hop() {
        return hop;
    }

    /** The phone's transport address, as the CDR and the API show it. */
    public InetSocketAddress remote() {
        return hop.address();
    }

    void sent(ClientTransaction tx) {
        this.transaction = tx;
    }

    ClientTransaction transaction() {
        return transaction;
    }

    public State state() {
        return state;
    }

    void state(State next) {
        this.state = next;
    }

    boolean isPending() {
        return state == State.CALLING || state == State.RINGING;
    }

    /** A CANCEL is due but may only go once a provisional came (RFC 3261 §9.1). */
    void wantCancel() {
        cancelWanted = true;
    }

    boolean isCancelWanted() {
        return cancelWanted;
    }

    /** The dialog of this fork's 2xx, created on the first one. */
    Dialog dialogFor(SipResponse ok) {
        if (dialog == null) {
            dialog = Dialog.asUac(invite, ok);
        }
        return dialog;
    }

    public Dialog dialog() {
        return dialog;
    }

    /** The ACK sent for this fork's 2xx, null before; resent for each retransmitted 2xx. */
    SipRequest ack() {
        return ack;
    }

    void acked(SipRequest sent) {
        this.ack = sent;
    }

    @Override
    public void onProvisional(SipResponse response) {
        responses.accept(this, response);
    }

    @Override
    public void onFinal(SipResponse response) {
        responses.accept(this, response);
    }

    @Override
    public void onTimeout() {
        responses.accept(this, invite.createResponse(408));
    }

    @Override
    public void onTransportError(Throwable cause) {
        responses.accept(this, invite.createResponse(503, "Callee Unreachable"));
    }
}
