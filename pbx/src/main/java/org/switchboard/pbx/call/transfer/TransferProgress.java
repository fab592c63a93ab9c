package org.switchboard.pbx.call.transfer;

import java.nio.charset.StandardCharsets;
import org.switchboard.sip.app.SipStack;
import org.switchboard.sip.dialog.Dialog;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipMethod;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.transport.NextHop;

/**
 * The NOTIFYs that tell a transferor how its REFER is doing (RFC 3515 §2.4.4): each carries the
 * status line of the call to the transfer target as a {@code message/sipfrag} body (RFC 3420). A
 * provisional status keeps the implicit subscription active; a final one terminates it. Stateless;
 * the dialog it is given belongs to the call's executor, which must be the caller.
 */
public final class TransferProgress {
    static final String SIPFRAG = "message/sipfrag;version=2.0";
    /** How long the implicit subscription lasts if nothing ends it first (RFC 3515 §2.4.4 leaves it to us). */
    static final int SUBSCRIPTION_SECONDS = 60;

    private TransferProgress() {}

    /** The NOTIFY reporting {@code status reason} in {@code transferor}'s dialog (taking its next CSeq). */
    public static SipRequest notify(Dialog transferor, NameAddress contact, int status, String reason) {
        String state = status < 200 ? "active;expires=" + SUBSCRIPTION_SECONDS : "terminated;reason=noresource";
        return transferor.newRequest(SipMethod.NOTIFY)
                .contact(contact)
                .header(HeaderName.EVENT, "refer")
                .header(HeaderName.SUBSCRIPTION_STATE, state)
                .body(SIPFRAG, ("SIP/2.0 " + status + " " + reason + "\r\n").getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** Sends the NOTIFY reporting {@code status reason} to the transferor at {@code hop}. */
    static void send(SipStack stack, Dialog transferor, NextHop hop, NameAddress contact, int status, String reason) {
        stack.send(notify(transferor, contact, status, reason), hop.transport(), hop.address(), new Unanswered("NOTIFY"));
    }
}
