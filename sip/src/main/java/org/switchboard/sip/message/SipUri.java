package org.switchboard.sip.message;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A {@code sip:} or {@code sips:} URI (RFC 3261 §19.1). User and password are kept as written
 * (escapes included) so the URI serializes byte for byte; {@link #isEquivalentTo(Uri)} compares
 * them unescaped. The host keeps IPv6 brackets. {@code headers} is the raw part after '?'.
 * Immutable; any thread may use it.
 */
public record SipUri(
        boolean secure,
        Optional<String> user,
        Optional<String> password,
        String host,
        OptionalInt port,
        Parameters parameters,
        Optional<String> headers)
        implements Uri {

    /** RFC 3261 §19.1.4: these parameters must match when either URI has them. */
    private static final Set<String> MUST_MATCH = Set.of("user", "ttl", "method", "maddr", "transport");
    private static final boolean[] HOST_CHARS = hostChars();

    public SipUri {
        if (host.isEmpty()) {
            throw new SipParseException("Missing host in URI");
        }
        checkHost(host);
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new SipParseException("Port out of range");
        }
        user.ifPresent(u -> checkUserinfo(u, "user"));
        password.ifPresent(p -> checkUserinfo(p, "password"));
    }

    /** {@code sip:user@host}. */
    public static SipUri of(String user, String host) {
        return new SipUri(false, Optional.of(user), Optional.empty(), host, OptionalInt.empty(),
                Parameters.EMPTY, Optional.empty());
    }

    /** {@code sip:host}. */
    public static SipUri ofHost(String host) {
        return new SipUri(false, Optional.empty(), Optional.empty(), host, OptionalInt.empty(),
                Parameters.EMPTY, Optional.empty());
    }

    /**
     * Parses a sip or sips URI.
     *
     * @throws SipParseException when {@code text} is not one
     */
    public static SipUri parse(String text) {
        int colon = text.indexOf(':');
        boolean secure;
        if (colon == 3 && text.regionMatches(true, 0, "sip", 0, 3)) {
            secure = false;
        } else if (colon == 4 && text.regionMatches(true, 0, "sips", 0, 4)) {
            secure = true;
        } else {
            throw new SipParseException("Not a SIP URI");
        }
        int end = text.length();
        int q = text.indexOf('?', colon + 1);
        int at = text.indexOf('@', colon + 1);
        if (at > q && q >= 0) {
            // '?' is a legal user character; a '@' after it means it was still the user part
            q = text.indexOf('?', at);
        }
        int hostEnd = q < 0 ? end : q;
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int hostStart = colon + 1;
        if (at >= 0 && at < hostEnd) {
            int pw = text.indexOf(':', colon + 1);
            if (pw >= 0 && pw < at) {
                user = Optional.of(text.substring(colon + 1, pw));
                password = Optional.of(text.substring(pw + 1, at));
            } else {
                user = Optional.of(text.substring(colon + 1, at));
            }
            hostStart = at + 1;
        }
        int i = hostStart;
        if (i < hostEnd && text.charAt(i) == '[') {
            int close = text.indexOf(']', i);
            if (close < 0 || close > hostEnd) {
                throw new SipParseException("Invalid IPv6 reference");
            }
            i = close + 1;
        } else {
            while (i < hostEnd && text.charAt(i) != ':' && text.charAt(i) != ';') {
                i++;
            }
        }
        String host = text.substring(hostStart, i);
        OptionalInt port = OptionalInt.empty();
        if (i < hostEnd && text.charAt(i) == ':') {
            int ps = ++i;
            while (i < hostEnd && text.charAt(i) != ';') {
                i++;
            }
            port = OptionalInt.of((int) Syntax.parseUnsigned(text.substring(ps, i), 65535, "port"));
        }
        Parameters params = Parameters.parseUriParams(text, i, hostEnd);
        Optional<String> headers = Optional.empty();
        if (q >= 0) {
            String h = text.substring(q + 1);
            checkHeaders(h);
            headers = Optional.of(h);
        }
        return new SipUri(secure, user, password, host, port, params, headers);
    }

    private static void checkHost(String host) {
        if (host.charAt(0) == '[') {
            if (host.charAt(host.length() - 1) != ']' || host.length() < 4) {
                throw new SipParseException("Invalid IPv6 reference");
            }
            for (int i = 1; i < host.length() - 1; i++) {
                char c = host.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    throw new SipParseException("Invalid IPv6 reference");
                }
            }
            return;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c >= HOST_CHARS.length || !HOST_CHARS[c]) {
                throw new SipParseException("Invalid host");
            }
        }
    }

    /** hostname and IPv4address characters (RFC 3261 §25.1): letters, digits, '-' and '.'. */
    private static boolean[] hostChars() {
        boolean[] t = new boolean[128];
        for (char c = 0; c < 128; c++) {
            t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        }
        return t;
    }

    /** user / password characters: unreserved, escaped and the user-unreserved set (RFC 3261 §25.1). */
    private static void checkUserinfo(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()%&=+$,;?/".indexOf(c) >= 0;
            if (!ok) {
                throw new SipParseException("Invalid character in URI " + what);
            }
        }
    }

    private static void checkHeaders(String h) {
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.!~*'()%[]/?:+$&=".indexOf(c) >= 0;
            if (!ok) {
                throw new SipParseException("Invalid character in URI headers");
            }
        }
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    /** The {@code transport} URI parameter in lower case, when present. */
    public Optional<String> transport() {
        return parameters.get("transport").map(t -> t.toLowerCase(Locale.ROOT));
    }

    /** Whether the URI has the {@code lr} parameter (loose routing, RFC 3261 §16.12). */
    public boolean isLooseRouting() {
        return parameters.has("lr");
    }

    public SipUri withUser(String newUser) {
        return new SipUri(secure, Optional.of(newUser), password, host, port, parameters, headers);
    }

    public SipUri withHost(String newHost) {
        return new SipUri(secure, user, password, newHost, port, parameters, headers);
    }

    public SipUri withPort(int newPort) {
        return new SipUri(secure, user, password, host, OptionalInt.of(newPort), parameters, headers);
    }

    public SipUri withParameters(Parameters newParameters) {
        return new SipUri(secure, user, password, host, port, newParameters, headers);
    }

    /** The same URI without its headers part (needed for a Request-URI, RFC 3261 §19.1.5). */
    public SipUri withoutHeaders() {
        return new SipUri(secure, user, password, host, port, parameters, Optional.empty());
    }

    /** RFC 3261 §19.1.4 comparison. */
    @Override
    public boolean isEquivalentTo(Uri other) {
        if (!(other instanceof SipUri o) || o.secure != secure) {
            return false;
        }
        if (!user.map(Syntax::unescape).equals(o.user.map(Syntax::unescape))
                || !password.map(Syntax::unescape).equals(o.password.map(Syntax::unescape))
                || !host.equalsIgnoreCase(o.host)
                || !port.equals(o.port)) {
            return false;
        }
        return parametersMatch(o) && headersMatch(o);
    }

    private boolean parametersMatch(SipUri o) {
        for (Parameter p : parameters.asList()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            if (!o.parameters.has(name)) {
                if (MUST_MATCH.contains(name)) {
                    return false;
                }
                continue;
            }
            if (!sameValue(p.value(), o.parameters.get(name))) {
                return false;
            }
        }
        for (Parameter p : o.parameters.asList()) {
            if (MUST_MATCH.contains(p.name().toLowerCase(Locale.ROOT)) && !parameters.has(p.name())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Optional<String> a, Optional<String> b) {
        return a.map(v -> Syntax.unescape(v).toLowerCase(Locale.ROOT))
                .equals(b.map(v -> Syntax.unescape(v).toLowerCase(Locale.ROOT)));
    }

    /** Header components are never ignored: both sets must hold the same name=value pairs. */
    private boolean headersMatch(SipUri o) {
        if (headers.isEmpty() || o.headers.isEmpty()) {
            return headers.isEmpty() && o.headers.isEmpty();
        }
        Set<String> mine = headerSet(headers.get());
        return mine.equals(headerSet(o.headers.get()));
    }

    private static Set<String> headerSet(String raw) {
        java.util.HashSet<String> out = new java.util.HashSet<>();
        for (String h : raw.split("&")) {
            int eq = h.indexOf('=');
            String name = eq < 0 ? h : h.substring(0, eq);
            String value = eq < 0 ? "" : h.substring(eq + 1);
            out.add(Syntax.unescape(name).toLowerCase(Locale.ROOT) + "=" + Syntax.unescape(value));
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(32).append(secure ? "sips:" : "sip:");
        user.ifPresent(u -> {
            sb.append(u);
            password.ifPresent(p -> sb.append(':').append(p));
            sb.append('@');
        });
        sb.append(host);
        port.ifPresent(p -> sb.append(':').append(p));
        parameters.appendTo(sb);
        headers.ifPresent(h -> sb.append('?').append(h));
        return sb.toString();
    }
}
