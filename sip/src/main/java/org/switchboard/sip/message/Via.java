package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Via header value (RFC 3261 §20.42): sent-protocol, sent-by and parameters such as
 * {@code branch}, {@code received} and {@code rport} (RFC 3581). Immutable; any thread may use it.
 */
public record Via(String protocol, String transport, String host, OptionalInt port, Parameters parameters) {

    /** The RFC 3261 §8.1.1.7 magic cookie that starts every compliant branch. */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        transport = transport.toUpperCase(Locale.ROOT);
        if (!Syntax.isToken(transport) || !isSentByHost(host)) {
            throw new SipParseException("Invalid Via");
        }
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new SipParseException("Via port out of range");
        }
    }

    /** A host name, IPv4 address or bracketed IPv6 reference (token characters, loosely). */
    private static boolean isSentByHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.charAt(0) == '[') {
            return host.length() > 2 && host.charAt(host.length() - 1) == ']';
        }
        for (int i = 0; i < host.length(); i++) {
            if (!Syntax.isTokenChar(host.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code SIP/2.0/<transport> host[:port];branch=<branch>}. */
    public static Via of(String transport, String host, OptionalInt port, String branch) {
        return new Via("SIP/2.0", transport, host, port, Parameters.EMPTY.with("branch", branch));
    }

    public Optional<String> branch() {
        return parameters.get("branch");
    }

    /** Whether the branch starts with the RFC 3261 magic cookie. */
    public boolean hasRfc3261Branch() {
        return branch().map(b -> b.startsWith(MAGIC_COOKIE)).orElse(false);
    }

    public Optional<String> received() {
        return parameters.get("received");
    }

    /** Whether an {@code rport} parameter is present, with or without value (RFC 3581). */
    public boolean hasRport() {
        return parameters.has("rport");
    }

    /** The value of {@code rport} when it has one. */
    public OptionalInt rport() {
        Optional<String> v = parameters.get("rport");
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Syntax.parseUnsigned(v.get(), 65535, "rport"));
    }

    public Optional<String> maddr() {
        return parameters.get("maddr");
    }

    public Via withParameters(Parameters newParameters) {
        return new Via(protocol, transport, host, port, newParameters);
    }

    /** A copy with {@code received=address} (RFC 3261 §18.2.1). */
    public Via withReceived(String address) {
        return withParameters(parameters.with("received", address));
    }

    /** A copy with {@code rport=port} (RFC 3581 §4). */
    public Via withRport(int rportValue) {
        return withParameters(parameters.with("rport", Integer.toString(rportValue)));
    }

    /**
     * Parses one Via value. LWS is allowed around '/', ':' (RFC 3261 §25.1 SLASH, COLON) and the
     * parameter separators.
     */
    public static Via parse(String s) {
        int end = s.length();
        int[] pos = {0};
        String name = token(s, pos, end, "Via protocol");
        expect(s, pos, end, '/');
        String version = token(s, pos, end, "Via version");
        expect(s, pos, end, '/');
        String transport = token(s, pos, end, "Via transport");
        int i = Syntax.skipWsp(s, pos[0], end);
        int hs = i;
        if (i < end && s.charAt(i) == '[') {
            int close = s.indexOf(']', i);
            if (close < 0) {
                throw new SipParseException("Invalid Via host");
            }
            i = close + 1;
        } else {
            while (i < end && (Syntax.isTokenChar(s.charAt(i)))) {
                i++;
            }
        }
        if (i == hs) {
            throw new SipParseException("Missing Via host");
        }
        String host = s.substring(hs, i);
        i = Syntax.skipWsp(s, i, end);
        OptionalInt port = OptionalInt.empty();
        if (i < end && s.charAt(i) == ':') {
            i = Syntax.skipWsp(s, i + 1, end);
            int ps = i;
            while (i < end && Character.isDigit(s.charAt(i))) {
                i++;
            }
            port = OptionalInt.of((int) Syntax.parseUnsigned(s.substring(ps, i), 65535, "Via port"));
        }
        Parameters params = Parameters.parseHeaderParams(s, i, end);
        return new Via(name + "/" + version, transport, host, port, params);
    }

    private static String token(String s, int[] pos, int end, String what) {
        int i = Syntax.skipWsp(s, pos[0], end);
        int start = i;
        while (i < end && Syntax.isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw new SipParseException("Invalid " + what);
        }
        pos[0] = i;
        return s.substring(start, i);
    }

    private static void expect(String s, int[] pos, int end, char c) {
        int i = Syntax.skipWsp(s, pos[0], end);
        if (i >= end || s.charAt(i) != c) {
            throw new SipParseException("Invalid Via");
        }
        pos[0] = i + 1;
    }

    /** Parses a comma-separated Via header field value. */
    public static List<Via> parseList(String s) {
        List<String> parts = Syntax.splitCommas(s);
        List<Via> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(parse(p));
        }
        return List.copyOf(out);
    }

    /** Renders several Via values as one comma-separated field value. */
    public static String joined(List<Via> vias) {
        StringBuilder sb = new StringBuilder(64 * vias.size());
        for (int i = 0; i < vias.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(vias.get(i));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64).append(protocol).append('/').append(transport).append(' ').append(host);
        port.ifPresent(p -> sb.append(':').append(p));
        parameters.appendTo(sb);
        return sb.toString();
    }
}
