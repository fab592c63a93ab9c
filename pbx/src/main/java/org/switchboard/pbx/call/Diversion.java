package org.switchboard.pbx.call;

import java.util.List;
import org.switchboard.pbx.routing.Forward;
import org.switchboard.pbx.routing.ForwardReason;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipUri;

/**
 * The Diversion headers (RFC 5806) of an INVITE to a forwarded call's final target: one per
 * forwarding hop, the most recent first (§4: each diverting element adds its own on top), naming
 * the extension that forwarded the call and why, with {@code counter=1} since each header records
 * one diversion. Phones show "forwarded by", voicemail picks the mailbox from it. Stateless.
 */
final class Diversion {
    static final String HEADER = "Diversion";

    private Diversion() {}

    /** The header values for the call's {@code forwards} (in the order they happened), in header order. */
    static List<String> headers(List<Forward> forwards, String domain) {
        return forwards.reversed().stream()
                .map(hop -> NameAddress.of(SipUri.of(hop.from(), domain)) + ";reason=" + reason(hop.reason()) + ";counter=1")
                .toList();
    }

    /** RFC 5806 §4.1 diversion-reason for a forwarding rule. */
    static String reason(ForwardReason reason) {
        return switch (reason) {
            case ALWAYS -> "unconditional";
            case BUSY -> "user-busy";
            case NO_ANSWER -> "no-answer";
            case DO_NOT_DISTURB -> "do-not-disturb";
            case UNREGISTERED -> "unavailable";
        };
    }
}
