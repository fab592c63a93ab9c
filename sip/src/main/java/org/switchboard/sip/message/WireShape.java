package org.switchboard.sip.message;

/**
 * Allocation-free recognizers, over received bytes, of the plain forms in which phones write the
 * headers every message carries (Via, From, To, Call-ID, CSeq) and the Request-URI. They let the
 * parser prove a message answerable without building the typed forms, which are then built on
 * first use.
 *
 * <p>Each recognizer accepts a strict subset of what the full parser of that header accepts (the
 * comments name the rule of the full parser each step mirrors), so a header recognized here can
 * never fail later. {@code false} only means "not plainly shaped": the caller then runs the full
 * parser, which either accepts the value or names its fault. Ranges are {@code b[from, to)} with
 * leading and trailing whitespace already removed. Stateless; any thread may call it.
 */
final class WireShape {
    private static final byte[] VIA_PROTOCOL = {'S', 'I', 'P', '/', '2', '.', '0', '/'};
    private static final int TOKEN = 1;
    private static final int HOST = 2;
    private static final int USER = 4;
    private static final int PARAM = 8;
    private static final byte[] CLASSES = classes();

    private WireShape() {}

    /** A range tested for one of these shapes. */
    @FunctionalInterface
    interface Shape {
        boolean matches(byte[] b, int from, int to);
    }

    /** Call-ID: not empty, no byte at or below SP (exactly {@link Syntax#checkCallId}). */
    static boolean isCallId(byte[] b, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if ((b[k] & 0xFF) <= ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * CSeq {@code 1*10DIGIT 1*WSP method}, the number at most {@link CSeq#MAX}; when {@code method}
     * is not null the method must be exactly it (the request method check of RFC 3261 §8.1.1.5).
     */
    static boolean isCSeq(byte[] b, int from, int to, SipMethod method) {
        int i = from;
        long number = 0;
        while (i < to && isDigit(b[i]) && i - from < 10) {
            number = number * 10 + (b[i++] - '0');
        }
        if (i == from || number > CSeq.MAX || i >= to || !isWsp(b[i])) {
            return false;
        }
        while (i < to && isWsp(b[i])) {
            i++;
        }
        if (method == null) {
            int start = i;
            while (i < to && is(b[i], TOKEN)) {
                i++;
            }
            return i > start && i == to;
        }
        String name = method.name();
        if (to - i != name.length()) {
            return false;
        }
        for (int k = 0; k < name.length(); k++) {
            if (b[i + k] != name.charAt(k)) {
                return false;
            }
        }
        // a method's name is always a token (SipMethod checks it), so the bytes are one too
        return true;
    }

    /**
     * One Via value {@code SIP/2.0/transport 1*WSP host [":" port] *(";" param)}, host of token
     * characters (no IPv6 reference), port at most 65535, no comma (a single value).
     */
    static boolean isVia(byte[] b, int from, int to) {
        if (to - from < VIA_PROTOCOL.length) {
            return false;
        }
        for (int k = 0; k < VIA_PROTOCOL.length; k++) {
            if (b[from + k] != VIA_PROTOCOL[k]) {
                return false;
            }
        }
        int i = from + VIA_PROTOCOL.length;
        int start = i;
        while (i < to && is(b[i], TOKEN)) {
            i++;
        }
        if (i == start || i >= to || !isWsp(b[i])) {
            return false;
        }
        while (i < to && isWsp(b[i])) {
            i++;
        }
        // Via.parse reads the sent-by host as token characters, which isSentByHost accepts
        start = i;
        while (i < to && is(b[i], TOKEN)) {
            i++;
        }
        if (i == start) {
            return false;
        }
        i = port(b, i, to);
        return i >= 0 && isHeaderParams(b, i, to);
    }

    /**
     * A name-addr {@code [display] "<" sip-uri ">" *(";" param)} with no whitespace after the
     * {@code >}: the display name a quoted string without backslash escapes, or tokens and spaces.
     */
    static boolean isNameAddress(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) {
            return false;
        }
        if (b[i] == '"') {
            // Syntax.endOfQuoted would honour escapes; a display name without any is the plain form
            i++;
            while (i < to && b[i] != '"') {
                if (b[i] == '\\' || b[i] == '\r' || b[i] == '\n') {
                    return false;
                }
                i++;
            }
            if (i >= to) {
                return false;
            }
            i++;
            while (i < to && isWsp(b[i])) {
                i++;
            }
        } else {
            // NameAddress.parse takes tokens and whitespace up to '<' as an unquoted display name
            while (i < to && (is(b[i], TOKEN) || isWsp(b[i]))) {
                i++;
            }
        }
        if (i >= to || b[i] != '<') {
            return false;
        }
        int open = i;
        int close = open + 1;
        while (close < to && b[close] != '>') {
            close++;
        }
        return close < to && isSipUri(b, open + 1, close) && isHeaderParams(b, close + 1, to);
    }

    /**
     * A {@code sip:} or {@code sips:} URI {@code [user "@"] host [":" port] *(";" uri-param)}: user
     * of unreserved characters without ':', ',', ';', '?' or '/' (so no password, and no '@' or
     * '?' in doubt), host a name or IPv4 address, parameters of paramchar and no URI headers.
     */
    static boolean isSipUri(byte[] b, int from, int to) {
        int i;
        if (to - from > 4 && b[from] == 's' && b[from + 1] == 'i' && b[from + 2] == 'p' && b[from + 3] == ':') {
            i = from + 4;
        } else if (to - from > 5 && b[from] == 's' && b[from + 1] == 'i' && b[from + 2] == 'p' && b[from + 3] == 's'
                && b[from + 4] == ':') {
            i = from + 5;
        } else {
            return false;
        }
        int userStart = i;
        while (i < to && is(b[i], USER)) {
            i++;
        }
        if (i < to && b[i] == '@' && i > userStart) {
            i++;
        } else {
            // no user part: user characters that are not host characters end the host below
            i = userStart;
        }
        int hostStart = i;
        while (i < to && is(b[i], HOST)) {
            i++;
        }
        if (i == hostStart) {
            return false;
        }
        i = port(b, i, to);
        if (i < 0) {
            return false;
        }
        // Parameters.parseUriParams: ";" name [ "=" value ], paramchar only, the value may be empty
        while (i < to) {
            if (b[i] != ';') {
                return false;
            }
            int nameStart = ++i;
            while (i < to && is(b[i], PARAM)) {
                i++;
            }
            if (i == nameStart) {
                return false;
            }
            if (i < to && b[i] == '=') {
                i++;
                while (i < to && is(b[i], PARAM)) {
                    i++;
                }
            }
        }
        return true;
    }

    /**
     * Header parameters {@code *(";" token ["=" 1*(token / ":")])} with no whitespace: the
     * unquoted form that {@link Parameters#parseHeaderParams} reads.
     */
    private static boolean isHeaderParams(byte[] b, int i, int to) {
        while (i < to) {
            if (b[i] != ';') {
                return false;
            }
            int nameStart = ++i;
            while (i < to && is(b[i], TOKEN)) {
                i++;
            }
            if (i == nameStart) {
                return false;
            }
            if (i < to && b[i] == '=') {
                int valueStart = ++i;
                while (i < to && (is(b[i], TOKEN) || b[i] == ':')) {
                    i++;
                }
                if (i == valueStart) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * After a host at {@code i}: the index past an optional {@code ":" 1*5DIGIT} port of at most
     * 65535 when what follows is the end or ';', else -1.
     */
    private static int port(byte[] b, int i, int to) {
        if (i < to && b[i] == ':') {
            int start = ++i;
            int port = 0;
            while (i < to && isDigit(b[i]) && i - start < 5) {
                port = port * 10 + (b[i++] - '0');
            }
            if (i == start || port > 65535) {
                return -1;
            }
        }
        return i == to || b[i] == ';' ? i : -1;
    }

    private static boolean isDigit(byte x) {
        return x >= '0' && x <= '9';
    }

    private static boolean isWsp(byte x) {
        return x == ' ' || x == '\t';
    }

    private static boolean is(byte x, int charClass) {
        return x >= 0 && (CLASSES[x] & charClass) != 0;
    }

    /** The character classes of RFC 3261 §25.1 used above, one bit each, for ASCII. */
    private static byte[] classes() {
        byte[] t = new byte[128];
        for (int c = 0; c < 128; c++) {
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            int bits = 0;
            if (alnum || "-.!%*_+`'~".indexOf(c) >= 0) {
                bits |= TOKEN;
            }
            if (alnum || c == '-' || c == '.') {
                bits |= HOST;
            }
            // SipUri.checkUserinfo's set without ':' ',' ';' '?' '/'
            if (alnum || "-_.!~*'()%&=+$".indexOf(c) >= 0) {
                bits |= USER;
            }
            // Parameters.checkParamChar's set
            if (alnum || "-_.!~*'()%[]/:&+$".indexOf(c) >= 0) {
                bits |= PARAM;
            }
            t[c] = (byte) bits;
        }
        return t;
    }
}
