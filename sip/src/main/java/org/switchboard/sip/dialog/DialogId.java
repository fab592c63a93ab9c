package org.switchboard.sip.dialog;

import java.util.Optional;
import org.switchboard.sip.message.SipRequest;

/**
 * A dialog's identity (RFC 3261 §12): Call-ID, local tag and remote tag, seen from our side.
 * Immutable; any thread.
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    /** The id of the dialog an in-dialog request we received belongs to, if it has a To tag. */
    public static Optional<DialogId> ofReceived(SipRequest request) {
        return request.to().tag().map(local -> new DialogId(request.callId(), local, request.from().tag().orElse("")));
    }
}
