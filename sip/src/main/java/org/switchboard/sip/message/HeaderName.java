package org.switchboard.sip.message;

/**
 * Canonical spellings of the header names a PBX uses, and the mapping of any spelling (any case,
 * compact form of RFC 3261 §7.3.3 and its extensions) to the canonical one. Stateless; any thread may call it.
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
    public static final String RETRY_AFTER = "Retry-After";
    public static final String ACCEPT = "Accept";
    public static final String UNSUPPORTED = "Unsupported";

    private static final String[] KNOWN = {
        VIA, FROM, TO, CALL_ID, CSEQ, CONTACT, ROUTE, RECORD_ROUTE, MAX_FORWARDS, EXPIRES,
        AUTHORIZATION, WWW_AUTHENTICATE, PROXY_AUTHENTICATE, PROXY_AUTHORIZATION, CONTENT_TYPE,
        CONTENT_LENGTH, CONTENT_ENCODING, ALLOW, ALLOW_EVENTS, SUPPORTED, REQUIRE, USER_AGENT, SERVER,
        EVENT, REFER_TO, REFERRED_BY, REPLACES, P_ASSERTED_IDENTITY, SUBJECT, SESSION_EXPIRES,
        MIN_EXPIRES, SUBSCRIPTION_STATE, RETRY_AFTER, ACCEPT, UNSUPPORTED
    };

    /** The known names grouped by length, so a lookup compares against a handful at most. */
    private static final String[][] BY_LENGTH = byLength();

    /** BY_LENGTH's names as lower-case bytes, for the parser's byte comparison. */
    private static final byte[][][] LOWER_BY_LENGTH = lowerBytes(BY_LENGTH);

    private HeaderName() {}

    private static byte[][][] lowerBytes(String[][] names) {
        byte[][][] out = new byte[names.length][][];
        for (int len = 0; len < names.length; len++) {
            out[len] = new byte[names[len].length][];
            for (int j = 0; j < names[len].length; j++) {
                out[len][j] = names[len][j].toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
        }
        return out;
    }

    private static String[][] byLength() {
        int max = 0;
        for (String k : KNOWN) {
            max = Math.max(max, k.length());
        }
        String[][] out = new String[max + 1][];
        for (int len = 0; len <= max; len++) {
            final int l = len;
            out[len] = java.util.Arrays.stream(KNOWN).filter(k -> k.length() == l).toArray(String[]::new);
        }
        return out;
    }

    /**
     * The canonical spelling of {@code name}: a compact form or a known name in any case becomes
     * the constant above; any other name is returned as given.
     */
    public static String canonical(String name) {
        if (name.length() == 1) {
            String compact = compact(name.charAt(0));
            return compact == null ? name : compact;
        }
        if (name.length() < BY_LENGTH.length) {
            for (String known : BY_LENGTH[name.length()]) {
                if (known.equalsIgnoreCase(name)) {
                    return known;
                }
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
        if (len >= BY_LENGTH.length) {
            return null;
        }
        byte[][] candidates = LOWER_BY_LENGTH[len];
        for (int j = 0; j < candidates.length; j++) {
            if (matches(candidates[j], buf, off)) {
                return BY_LENGTH[len][j];
            }
        }
        return null;
    }

    /**
     * Case-insensitive match of a known name (lower-case bytes) against token bytes. Known names
     * hold only letters and '-', and among token characters only the two cases of a letter give
     * the same value under {@code | 0x20}, so one OR per byte suffices.
     */
    private static boolean matches(byte[] lowerKnown, byte[] buf, int off) {
        for (int i = 0; i < lowerKnown.length; i++) {
            if (lowerKnown[i] != (buf[off + i] | 0x20)) {
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

    /** Whether {@code name} is one of the constants above (the same object, not an equal string). */
    static boolean isKnownConstant(String name) {
        if (name.length() >= BY_LENGTH.length) {
            return false;
        }
        for (String known : BY_LENGTH[name.length()]) {
            if (known == name) {
                return true;
            }
        }
        return false;
    }

    /** Whether two header names denote the same header (case-insensitive, RFC 3261 §7.3.5). */
    public static boolean same(String a, String b) {
        return a.equalsIgnoreCase(b);
    }
}
