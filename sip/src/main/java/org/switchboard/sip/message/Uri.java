package org.switchboard.sip.message;

/**
 * A URI as SIP carries it: {@code sip:}/{@code sips:} (RFC 3261 §19.1), {@code tel:} (RFC 3966),
 * or any other absolute URI kept opaque (RFC 3261 §19.1 allows them in headers and Request-URIs).
 * {@code equals} is structural (as written); {@link #isEquivalentTo(Uri)} applies the scheme's
 * comparison rules. Immutable; any thread may use it.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case: {@code sip}, {@code sips}, {@code tel}, ... */
    String scheme();

    /** Comparison by the rules of the scheme (RFC 3261 §19.1.4 for SIP, RFC 3966 §4 for tel). */
    boolean isEquivalentTo(Uri other);

    /**
     * Parses any absolute URI.
     *
     * @throws SipParseException when {@code text} is not a URI
     */
    static Uri parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new SipParseException("Invalid URI");
        }
        if (colon == 3 && text.regionMatches(true, 0, "sip", 0, 3)) {
            return SipUri.parse(text);
        }
        if (colon == 4 && text.regionMatches(true, 0, "sips", 0, 4)) {
            return SipUri.parse(text);
        }
        if (colon == 3 && text.regionMatches(true, 0, "tel", 0, 3)) {
            return TelUri.parse(text);
        }
        return AbsoluteUri.parse(text);
    }
}
