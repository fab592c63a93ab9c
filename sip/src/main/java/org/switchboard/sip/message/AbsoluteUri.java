package org.switchboard.sip.message;

import java.util.Locale;

/**
 * A URI of a scheme SIP does not interpret (e.g. {@code http:}, {@code urn:}), kept as scheme and
 * opaque remainder (RFC 3261 §19.1, RFC 3986 §3). Immutable; any thread may use it.
 */
public record AbsoluteUri(String scheme, String schemeSpecificPart) implements Uri {

    public AbsoluteUri {
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!isScheme(scheme)) {
            throw new SipParseException("Invalid URI scheme");
        }
        for (int i = 0; i < schemeSpecificPart.length(); i++) {
            char c = schemeSpecificPart.charAt(i);
            if (c <= ' ' || c == '<' || c == '>' || c == '"' || c >= 0x7f) {
                throw new SipParseException("Invalid character in URI");
            }
        }
        if (schemeSpecificPart.isEmpty()) {
            throw new SipParseException("Empty URI");
        }
    }

    /** scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3261 §25.1). */
    static boolean isScheme(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    static AbsoluteUri parse(String text) {
        int colon = text.indexOf(':');
        return new AbsoluteUri(text.substring(0, colon), text.substring(colon + 1));
    }

    @Override
    public boolean isEquivalentTo(Uri other) {
        return other instanceof AbsoluteUri a
                && a.scheme.equals(scheme)
                && Syntax.unescape(a.schemeSpecificPart).equals(Syntax.unescape(schemeSpecificPart));
    }

    @Override
    public String toString() {
        return scheme + ":" + schemeSpecificPart;
    }
}
