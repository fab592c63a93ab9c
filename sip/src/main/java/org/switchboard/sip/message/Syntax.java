package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;

/** Character classes and small scanners of the SIP grammar (RFC 3261 §25.1). Stateless; any thread may call it. */
final class Syntax {
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 32] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private Syntax() {}

    static boolean isTokenChar(int c) {
        return c >= 0 && c < 128 && TOKEN[c];
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isWsp(char c) {
        return c == ' ' || c == '\t';
    }

    static int skipWsp(String s, int i, int end) {
        while (i < end && isWsp(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Index just after the closing quote of the quoted-string opening at {@code i}. */
    static int endOfQuoted(String s, int i, int end) {
        for (int j = i + 1; j < end; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j + 1;
            }
        }
        throw new SipParseException("Unterminated quoted string");
    }

    /** The content of a quoted-string with quoted-pairs resolved (RFC 3261 §25.1). */
    static String unquote(String s, int open, int close) {
        StringBuilder out = new StringBuilder(close - open);
        for (int j = open + 1; j < close - 1; j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
                c = s.charAt(j);
            }
            out.append(c);
        }
        return out.toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /**
     * Splits a header field value at the commas that separate values (RFC 3261 §7.3.1), leaving
     * commas inside quoted strings and angle brackets alone. Values are trimmed; empty ones are
     * kept so a caller can reject them.
     */
    static List<String> splitCommas(String value) {
        if (value.indexOf(',') < 0) {
            return List.of(value.strip());
        }
        List<String> out = new ArrayList<>(2);
        int start = 0;
        int angle = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"') {
                i = endOfQuoted(value, i, n) - 1;
            } else if (c == '<') {
                angle++;
            } else if (c == '>' && angle > 0) {
                angle--;
            } else if (c == ',' && angle == 0) {
                out.add(value.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(value.substring(start).strip());
        return out;
    }

    /** Decodes %HH escapes (RFC 3261 §19.1.2); a '%' not followed by two hex digits stays as is. */
    static String unescape(String s) {
        int pct = s.indexOf('%');
        if (pct < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, pct);
        for (int i = pct; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi;
            int lo;
            if (c == '%' && i + 2 < s.length()
                    && (hi = Character.digit(s.charAt(i + 1), 16)) >= 0
                    && (lo = Character.digit(s.charAt(i + 2), 16)) >= 0) {
                out.append((char) (hi * 16 + lo));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** callid = word [ "@" word ] (RFC 3261 §25.1): at least not empty and without whitespace. */
    static String checkCallId(String id) {
        if (id.isEmpty()) {
            throw new SipParseException("Invalid Call-ID");
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) <= ' ') {
                throw new SipParseException("Invalid Call-ID");
            }
        }
        return id;
    }

    /** Parses an unsigned decimal, rejecting values above {@code max}. */
    static long parseUnsigned(String s, long max, String what) {
        if (s.isEmpty()) {
            throw new SipParseException("Invalid " + what);
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipParseException("Invalid " + what);
            }
            v = v * 10 + (c - '0');
            if (v > max) {
                throw new SipParseException(what + " out of range");
            }
        }
        return v;
    }
}
