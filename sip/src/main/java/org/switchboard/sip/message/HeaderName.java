package org.switchboard.sip.message;

/**
 * Canonical spellings of the header names a PBX uses, and the mapping of any spelling (any case,
 * compact form of RFC 3261 §7.3.3 and its extensions) to the canonical one. Stateless.
 */
public final class HeaderName {
    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String CONTACT = "Contact";
    public static final String ROUTE = "Route";
    public static final String RECORD_ROUTE = "Record-Route";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String EXPIRES = "Expires";
    public static final String AUTHORIZATION = "Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_ENCODING = "Content-Encoding";
    public static final String ALLOW = "Allow";
    public static final String ALLOW_EVENTS = "Allow-Events";
    public static final String SUPPORTED = "Supported";
    public static final String REQUIRE = "Require";
    public static final String USER_AGENT = "User-Agent";
    public static final String SERVER = "Server";
    public static final String EVENT = "Event";
    public static final String REFER_TO = "Refer-To";
    public static final String REFERRED_BY = "Referred-By";
    public static final String REPLACES = "Replaces";
    public static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";
    public static final String SUBJECT = "Subject";
    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String SUBSCRIPTION_STATE = "Subscription-State";

    private static final String[] KNOWN = {
        VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, ROUTE, RECORD_ROUTE, MAX_FORWARDS, EXPIRES,
        AUTHORIZATION, WWW_AUTHENTICATE, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION, CONTENT_TYPE,
        CONTENT_LENGTH, CONTENT_ENCODING, ALLOW, ALLOW_EVENTS, SUPPORTED, REQUIRE, USER_AGENT, SERVER,
        EVENT, REFER_TO, REFERRED_BY, REPLACES, P_ASSERTED_IDENTITY, SUBJECT, SESSION_EXPIRES,
        MIN_EXPIRES, SUBSCRIPTION_STATE
    };

    private HeaderName() {}

    /**
     * The canonical spelling of {@code name}: a compact form or a known name in any case becomes
     * the constant above; any other name is returned as given.
     */
    public static String canonical(String name) {
        if (name.length() == 1) {
            String compact = compact(name.charAt(0));
            return compact == null ? name : compact;
        }
        for (String known : KNOWN) {
            if (known.length() == name.length() && known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }

    /**
     * The canonical name for the bytes {@code buf[off, off+len)}, or null when the name is not a
     * known one; used by the parser so known names cost no allocation.
     */
    public static String canonical(byte[] buf, int off, int len) {
        if (len == 1) {
            return compact((char) buf[off]);
        }
        int first = buf[off] | 0x20;
        for (String known : KNOWN) {
            if (known.length() == len && (known.charAt(0) | 0x20) == first && matches(known, buf, off)) {
                return known;
            }
        }
        return null;
    }

    private static boolean matches(String known, byte[] buf, int off) {
        for (int i = 1; i < known.length(); i++) {
            int k = known.charAt(i);
            int b = buf[off + i];
            if (k != b && ((k | 0x20) != (b | 0x20) || !Character.isLetter(k))) {
                return false;
            }
        }
        return true;
    }

    /** Compact forms: RFC 3261 §7.3.3, RFC 3265 (o, u), RFC 3515 (r), RFC 3892 (b), RFC 4028 (x). */
    private static String compact(char c) {
        return switch (c | 0x20) {
            case 'i' -> CALL_ID;
            case 'm' -> CONTACT;
            case 'f' -> FROM;
            case 't' -> TO;
            case 'v' -> VIA;
            case 'l' -> CONTENT_LENGTH;
            case 'c' -> CONTENT_TYPE;
            case 'k' -> SUPPORTED;
            case 's' -> SUBJECT;
            case 'e' -> CONTENT_ENCODING;
            case 'o' -> EVENT;
            case 'u' -> ALLOW_EVENTS;
            case 'r' -> REFER_TO;
            case 'b' -> REFERRED_BY;
            case 'x' -> SESSION_EXPIRES;
            default -> null;
        };
    }

    /** Whether two header names denote the same header (case-insensitive, RFC 3261 §7.3.5). */
    public static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
