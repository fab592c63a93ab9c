package org.switchboard.pbx.call.transfer;

import java.util.Optional;
import org.switchboard.sip.message.ParameterizedValue;
import org.switchboard.sip.message.SipParseException;

/**
 * The dialog a Replaces header names (RFC 3891 §6.1): its Call-ID and both tags, as seen by the
 * sender, and whether only an early dialog may be replaced. In an attended transfer the
 * transferor puts it in the Refer-To URI to name its call with the transfer target. Immutable.
 */
public record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

    /** The header value {@code callid;to-tag=a;from-tag=b[;early-only]}; empty when a part is missing. */
    public static Optional<Replaces> parse(String value) {
        ParameterizedValue v;
        try {
            v = ParameterizedValue.parse(value.strip());
        } catch (SipParseException e) {
            return Optional.empty();
        }
        Optional<String> to = v.parameters().get("to-tag").filter(t -> !t.isEmpty());
        Optional<String> from = v.parameters().get("from-tag").filter(t -> !t.isEmpty());
        if (v.value().isEmpty() || to.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Replaces(v.value(), to.get(), from.get(), v.parameters().has("early-only")));
    }
}
