package org.switchboard.sip.message;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One header field line: its canonical name and its value with line folding removed (RFC 3261
 * §7.3.1). A header read by the parser decodes its value from the received bytes on first use, and
 * keeps the typed form a caller asked for, so copies of a message share both. Immutable from the
 * outside; the two lazily filled fields are idempotent caches, safe to race on from any thread.
 */
public final class Header {
    private final String name;
    private final byte[] raw;
    private final int offset;
    private final int length;
    private final boolean folded;
    private String value;
    private Object typed;

    private Header(String name, String value, byte[] raw, int offset, int length, boolean folded) {
        this.name = name;
        this.value = value;
        this.raw = raw;
        this.offset = offset;
        this.length = length;
        this.folded = folded;
    }

    /**
     * A header with the given name (any spelling; stored canonically) and value.
     *
     * @throws IllegalArgumentException when the name is not a token or the value holds CR or LF
     */
    public static Header of(String name, String value) {
        if (!Syntax.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("header value may not contain CR or LF: " + name);
            }
        }
        return new Header(HeaderName.canonical(name), value.strip(), null, 0, 0, false);
    }

    /**
     * A header over received bytes, for the parser: {@code canonicalName} is a checked token, and
     * what {@link HeaderName#canonical(byte[], int, int)} returned for it, or the name as read when
     * that returned null (lookups compare known names by identity with the constants);
     * {@code raw[offset, offset+length)} is the value without the final line break; {@code folded}
     * says whether it spans continuation lines. The array must not change afterwards: the value is
     * decoded from it on first use.
     */
    public static Header fromWire(String canonicalName, byte[] raw, int offset, int length, boolean folded) {
        return new Header(canonicalName, null, raw, offset, length, folded);
    }

    public String name() {
        return name;
    }

    /** The value, unfolded, without leading and trailing whitespace. */
    public String value() {
        String v = value;
        if (v == null) {
            v = decode();
            value = v;
        }
        return v;
    }

    private String decode() {
        if (!folded) {
            return new String(raw, offset, length, StandardCharsets.UTF_8);
        }
        // RFC 3261 §7.3.1: a line break followed by whitespace is folding, equivalent to that whitespace
        byte[] out = new byte[length];
        int n = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = raw[i];
            if (b != '\r' && b != '\n') {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8).strip();
    }

    /** Whether the value is as received, on one line, and of the given plain shape. */
    boolean hasWireShape(WireShape.Shape shape) {
        return raw != null && !folded && shape.matches(raw, offset, offset + length);
    }

    /** Writes the value: the received bytes when unchanged, else the value in UTF-8. */
    void writeValue(MessageWriter out) {
        if (raw != null && !folded) {
            out.bytes(raw, offset, length);
        } else {
            out.text(value());
        }
    }

    /** The value's size on the wire, exact unless it was built from non-ASCII text. */
    int valueSizeEstimate() {
        return raw != null && !folded ? length : value().length();
    }

    /** Whether this header has the given name (any spelling, compact forms included). */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName) || name.equalsIgnoreCase(HeaderName.canonical(otherName));
    }

    /**
     * The typed form of the value made by {@code parser}, computed once per header. Each header
     * name has exactly one parser (see the accessors of {@link SipMessage}), so the cache never
     * holds a form of another type.
     */
    @SuppressWarnings("unchecked")
    <T> T typed(Function<String, T> parser) {
        Object t = typed;
        if (t == null) {
            t = parser.apply(value());
            typed = t;
        }
        return (T) t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Header h && h.name.equalsIgnoreCase(name) && h.value().equals(value());
    }

    @Override
    public int hashCode() {
        return name.toLowerCase(java.util.Locale.ROOT).hashCode() * 31 + value().hashCode();
    }

    @Override
    public String toString() {
        return name + ": " + value();
    }
}
