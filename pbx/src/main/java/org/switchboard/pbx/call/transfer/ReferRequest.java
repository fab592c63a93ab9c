package org.switchboard.pbx.call.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;

/**
 * What a REFER asks for (RFC 3515): call {@code dialled} (the Refer-To URI's user part, routed
 * like a number the transferor dialled) and, for an attended transfer, replace the dialog the
 * Refer-To URI's embedded Replaces header names (RFC 3891 §7). Immutable.
 */
public record ReferRequest(NameAddress referTo, String dialled, Optional<Replaces> replaces) {

    /** A REFER checked: what it asks for, or the response that refuses it. */
    public sealed interface Check {
        record Accepted(ReferRequest refer) implements Check {}

        record Refused(int status, String reason) implements Check {}
    }

    /** Reads the REFER's Refer-To; a missing, repeated or malformed one is refused with 400 and a reason. */
    public static Check check(SipRequest refer) {
        Optional<NameAddress> referTo;
        try {
            // RFC 3515 §2.4.1: exactly one Refer-To; more than one is a parse error here.
            referTo = refer.referTo();
        } catch (SipParseException e) {
            return new Check.Refused(400, "Bad Refer-To: " + e.getMessage());
        }
        if (referTo.isEmpty()) {
            return new Check.Refused(400, "Missing Refer-To");
        }
        if (!(referTo.get().uri() instanceof SipUri target)) {
            return new Check.Refused(416, "Unsupported URI Scheme");
        }
        Optional<String> replacesValue = target.headers().flatMap(h -> header(h, HeaderName.REPLACES));
        Optional<Replaces> replaces = replacesValue.flatMap(ReferRequest::unescape).flatMap(Replaces::parse);
        if (replacesValue.isPresent() && replaces.isEmpty()) {
            return new Check.Refused(400, "Bad Replaces in Refer-To");
        }
        return new Check.Accepted(new ReferRequest(referTo.get(), target.user().orElse(""), replaces));
    }

    /** The value of header {@code name} in a URI's {@code ?h1=v1&h2=v2} part (RFC 3261 §19.1.1), still escaped. */
    private static Optional<String> header(String headers, String name) {
        for (String pair : headers.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /** %HH escapes to bytes, read as UTF-8; empty when an escape is broken. A '+' stays a '+' (not a form encoding). */
    private static Optional<String> unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
                return Optional.empty();
            }
            out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
            i += 2;
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
