package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of {@code ;name[=value]} parameters (RFC 3261 §7.3.1, §19.1.1). Names match
 * case-insensitively; values are kept as written. Immutable, so any thread may use it: the {@code with...} methods return
 * copies.
 */
public final class Parameters {
    public static final Parameters EMPTY = new Parameters(new String[0], new String[0]);

    private final String[] names;
    private final String[] values; // null entry: a parameter without value

    private Parameters(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** Parameters from a list, in its order. */
    public static Parameters of(List<Parameter> list) {
        String[] n = new String[list.size()];
        String[] v = new String[list.size()];
        for (int i = 0; i < n.length; i++) {
            n[i] = list.get(i).name();
            v[i] = list.get(i).value().orElse(null);
        }
        return new Parameters(n, v);
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public int size() {
        return names.length;
    }

    /** Whether a parameter with this name is present (with or without value). */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of the first parameter with this name; empty when absent or without value. */
    public Optional<String> get(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.ofNullable(values[i]);
    }

    /** A copy with {@code name=value} replacing any parameter of that name, or appended. */
    public Parameters with(String name, String value) {
        return put(name, value);
    }

    /** A copy with the value-less parameter {@code name} replacing any of that name, or appended. */
    public Parameters with(String name) {
        return put(name, null);
    }

    /** A copy without any parameter of this name. */
    public Parameters without(String name) {
        if (!has(name)) {
            return this;
        }
        List<Parameter> kept = new ArrayList<>(names.length);
        for (Parameter p : asList()) {
            if (!p.name().equalsIgnoreCase(name)) {
                kept.add(p);
            }
        }
        return of(kept);
    }

    public List<Parameter> asList() {
        List<Parameter> out = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            out.add(new Parameter(names[i], Optional.ofNullable(values[i])));
        }
        return List.copyOf(out);
    }

    private Parameters put(String name, String value) {
        if (!Syntax.isToken(name)) {
            throw new IllegalArgumentException("parameter name is not a token: " + name);
        }
        int i = indexOf(name);
        if (i >= 0) {
            String[] v = values.clone();
            v[i] = value;
            return new Parameters(names, v);
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        String[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[names.length] = value;
        return new Parameters(n, v);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses header parameters ({@code *( SEMI generic-param )}, RFC 3261 §7.3.1) from
     * {@code s[i, end)}, which must start at a ';' or be empty after whitespace. LWS is allowed
     * around ';' and '='.
     */
    static Parameters parseHeaderParams(String s, int i, int end) {
        i = Syntax.skipWsp(s, i, end);
        if (i >= end) {
            return EMPTY;
        }
        String[] n = new String[4];
        String[] v = new String[4];
        int count = 0;
        while (i < end) {
            if (s.charAt(i) != ';') {
                throw new SipParseException("Invalid parameter");
            }
            i = Syntax.skipWsp(s, i + 1, end);
            int start = i;
            while (i < end && Syntax.isTokenChar(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw new SipParseException("Empty parameter name");
            }
            if (count == n.length) {
                n = Arrays.copyOf(n, count * 2);
                v = Arrays.copyOf(v, count * 2);
            }
            n[count] = s.substring(start, i);
            i = Syntax.skipWsp(s, i, end);
            if (i < end && s.charAt(i) == '=') {
                i = Syntax.skipWsp(s, i + 1, end);
                int vs = i;
                i = endOfGenericValue(s, i, end);
                if (i == vs) {
                    throw new SipParseException("Empty parameter value");
                }
                v[count] = s.substring(vs, i);
                i = Syntax.skipWsp(s, i, end);
            }
            count++;
        }
        return new Parameters(Arrays.copyOf(n, count), Arrays.copyOf(v, count));
    }

    /** gen-value = token / host / quoted-string (RFC 3261 §25.1). */
    private static int endOfGenericValue(String s, int i, int end) {
        if (i < end && s.charAt(i) == '"') {
            return Syntax.endOfQuoted(s, i, end);
        }
        if (i < end && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0 || close >= end) {
                throw new SipParseException("Invalid parameter value");
            }
            return close + 1;
        }
        while (i < end && (Syntax.isTokenChar(s.charAt(i)) || s.charAt(i) == ':')) {
            i++;
        }
        return i;
    }

    /**
     * Parses URI parameters ({@code *( ";" uri-parameter )}, RFC 3261 §19.1.1) from
     * {@code s[i, end)}; no whitespace is allowed in a URI.
     */
    static Parameters parseUriParams(String s, int i, int end) {
        if (i >= end) {
            return EMPTY;
        }
        List<String> n = new ArrayList<>(4);
        List<String> v = new ArrayList<>(4);
        while (i < end) {
            if (s.charAt(i) != ';') {
                throw new SipParseException("Invalid URI parameter");
            }
            int start = ++i;
            while (i < end && s.charAt(i) != ';' && s.charAt(i) != '=') {
                checkParamChar(s.charAt(i));
                i++;
            }
            if (i == start) {
                throw new SipParseException("Empty URI parameter name");
            }
            n.add(s.substring(start, i));
            if (i < end && s.charAt(i) == '=') {
                int vs = ++i;
                while (i < end && s.charAt(i) != ';') {
                    checkParamChar(s.charAt(i));
                    i++;
                }
                v.add(s.substring(vs, i));
            } else {
                v.add(null);
            }
        }
        return new Parameters(n.toArray(String[]::new), v.toArray(String[]::new));
    }

    /** paramchar = param-unreserved / unreserved / escaped (RFC 3261 §25.1). */
    private static void checkParamChar(char c) {
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.!~*'()%[]/:&+$".indexOf(c) >= 0;
        if (!ok) {
            throw new SipParseException("Invalid character in URI parameter");
        }
    }

    /** Renders as {@code ;a=b;c}, or the empty string. */
    @Override
    public String toString() {
        if (names.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    void appendTo(StringBuilder sb) {
        for (int i = 0; i < names.length; i++) {
            sb.append(';').append(names[i]);
            if (values[i] != null) {
                sb.append('=').append(values[i]);
            }
        }
    }

    /** Equal when the same parameters appear in the same order; names compare case-insensitively. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Parameters p) || p.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(p.names[i]) || !java.util.Objects.equals(values[i], p.values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = 0; i < names.length; i++) {
            h = 31 * h + names[i].toLowerCase(java.util.Locale.ROOT).hashCode();
            h = 31 * h + java.util.Objects.hashCode(values[i]);
        }
        return h;
    }
}
