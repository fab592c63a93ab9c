package org.switchboard.pbx.call;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.Parameters;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipResponse;
import org.switchboard.sip.transaction.RandomTokens;
import org.switchboard.sip.transport.NextHop;

/**
 * The INVITE of a phone picking up a call that rings other phones (docs/pickup.md), as the ringing {@link Call}
 * takes it for its answering leg. Two executors meet here: the picker's INVITE belongs to its own Call-ID's
 * executor, the ringing call to the call's. The call decides on its executor ({@link Call#pickUp}) and reports
 * back through {@link #refused} or {@link #answered}, which post to the picker's executor: only there is the
 * INVITE answered, and only after its 200 went out is the picker's Call-ID joined to the call's executor and
 * registered as the call's ({@link Call#pickerJoined} closes the handshake on the call's executor).
 */
final class PickingPhone {
    private static final Logger log = LoggerFactory.getLogger(PickingPhone.class);

    private final InviteAwaitingApplication incoming;
    private final SessionDescription offer;
    private final PbxAnswering answering;
    private final Runnable pickedUp;
    private final String localTag = RandomTokens.tag();

    /**
     * @param offer the picker's offer (a pickup needs one: a delayed offer is refused before)
     * @param pickedUp runs on the picker's executor once its 200 went out
     */
    PickingPhone(InviteAwaitingApplication incoming, SessionDescription offer, PbxAnswering answering,
            Runnable pickedUp) {
        this.incoming = incoming;
        this.pickedUp = pickedUp;
        this.offer = offer;
        this.answering = answering;
    }

    /** The picker's extension: the call's callee once picked up. */
    String extension() {
        return incoming.caller();
    }

    SessionDescription offer() {
        return offer;
    }

    /** The picker's INVITE (immutable: any executor may read it). */
    SipRequest request() {
        return incoming.invite().request();
    }

    /** Where the picker's phone is reached: the flow its INVITE came over. */
    NextHop hop() {
        return new NextHop(incoming.invite().flow().transport(), incoming.invite().flow().remote());
    }

    /**
     * The 200 for the picker (built on the call's executor, sent on the picker's): {@code sdp} on the relay's
     * callee port, the PBX's {@code contact}, and the picked-up caller's From as P-Asserted-Identity so the
     * picker's phone shows who it got.
     */
    SipResponse ok(byte[] sdp, NameAddress contact, NameAddress caller) {
        return request().createResponse(200).withToTag(localTag)
                .withHeader(HeaderName.CONTACT, contact.toString())
                .withHeader(HeaderName.P_ASSERTED_IDENTITY, caller.withParameters(Parameters.EMPTY).toString())
                .withBody(CallMedia.SDP, sdp);
    }

    /** The call cannot be picked up (it stopped ringing, no common codec): the picker gets {@code status}. Any thread. */
    void refused(int status, String reason) {
        incoming.executor().execute(() -> incoming.refuse(status, reason));
    }

    /**
     * {@code call} answered its caller with the picker as its callee; the picker gets {@code ok} now, unless its
     * INVITE ended meanwhile (cancelled): either way the call hears {@link Call#pickerJoined}. Called on the call's
     * executor.
     */
    void answered(SipResponse ok, Call call) {
        String callId = request().callId();
        incoming.executor().execute(() -> {
            boolean joined = incoming.pickedUp() && incoming.invite().respond(ok);
            if (joined) {
                answering.registry().remove(incoming, List.of());
                answering.services().stack().joinExecutor(callId, call.id());
                answering.registry().add(callId, call);
                pickedUp.run();
            } else {
                log.info("picker gone before its answer call_id={} picker_call_id={}", call.id(), callId);
            }
            call.executor().execute(() -> call.pickerJoined(callId, joined));
        });
    }
}
