package org.switchboard.pbx.stirshaken;

import java.util.ArrayList;
import java.util.List;
import org.switchboard.sip.message.HeaderName;
import org.switchboard.sip.message.NameAddress;
import org.switchboard.sip.message.Parameters;
import org.switchboard.sip.message.SipParseException;
import org.switchboard.sip.message.SipRequest;
import org.switchboard.sip.message.SipUri;
import org.switchboard.sip.message.TelUri;
import org.switchboard.sip.message.Uri;

/**
 * Tells the phone the verification result: every telephone-number identity in {@code
 * P-Asserted-Identity} gets {@code verstat} (3GPP TS 24.229 §7.2A.20: a tel URI parameter, in a
 * SIP URI the user part's, as in {@code <sip:+15550001000;verstat=TN-Validation-Passed@host;user=phone>}).
 * A {@code verstat} the carrier sent is replaced: only our own verification counts. Without a
 * P-Asserted-Identity the From identity is asserted with it. Stateless; any thread.
 */
public final class VerstatMarker {
    private static final String PARAMETER = "verstat";

    private VerstatMarker() {}

    /** {@code invite} with {@code verstat} on its asserted caller numbers. */
    public static SipRequest mark(SipRequest invite, Verstat verstat) {
        List<String> identities = invite.headers().values(HeaderName.P_ASSERTED_IDENTITY);
        if (identities.isEmpty()) {
            NameAddress from = invite.from();
            identities = List.of(new NameAddress(from.displayName(), from.uri(), Parameters.EMPTY).toString());
        }
        List<String> marked = new ArrayList<>(identities.size());
        for (String identity : identities) {
            try {
                NameAddress address = NameAddress.parse(identity);
                marked.add(address.withUri(mark(address.uri(), verstat)).toString());
            } catch (SipParseException e) {
                marked.add(identity); // not ours to repair; the phone ignores what it cannot parse
            }
        }
        return invite.withoutHeader(HeaderName.P_ASSERTED_IDENTITY)
                .withHeader(HeaderName.P_ASSERTED_IDENTITY, String.join(", ", marked));
    }

    static Uri mark(Uri uri, Verstat verstat) {
        return switch (uri) {
            case TelUri tel -> new TelUri(tel.number(), tel.parameters().without(PARAMETER).with(PARAMETER, verstat.token()));
            case SipUri sip when TelephoneNumbers.of(sip).isPresent() -> sip.withUser(number(sip.user().orElseThrow())
                    + ";" + PARAMETER + "=" + verstat.token());
            default -> uri; // a name, not a number: nothing was verified about it
        };
    }

    /** The user part without a previous {@code ;verstat=...}, other user parameters ({@code ;npdi}) kept. */
    private static String number(String user) {
        StringBuilder kept = new StringBuilder();
        for (String part : user.split(";")) {
            if (kept.isEmpty() || !part.regionMatches(true, 0, PARAMETER + "=", 0, PARAMETER.length() + 1)) {
                kept.append(kept.isEmpty() ? "" : ";").append(part);
            }
        }
        return kept.toString();
    }
}
