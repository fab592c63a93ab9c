package org.switchboard.sip.auth;

import java.util.List;
import java.util.Optional;

/**
 * The value of a {@code WWW-Authenticate}, {@code Proxy-Authenticate}, {@code Authorization} or
 * {@code Proxy-Authorization} header: an auth scheme followed by comma-separated auth-params
 * (RFC 3261 §25.1, RFC 7235 §2.1). Immutable, safe from any thread.
 *
 * @param scheme the auth scheme as received (compare with {@link #isDigest()})
 * @param params the parameters in order; names are unique
 */
public record AuthHeaderValue(String scheme, List<AuthParam> params) {

    /** The scheme SIP uses (RFC 3261 §22.4). */
    public static final String DIGEST = "Digest";

    public AuthHeaderValue {
        if (!HeaderSyntax.isToken(scheme)) {
            throw new IllegalArgumentException("auth scheme is not a token: " + scheme);
        }
        params = List.copyOf(params);
        if (params.isEmpty()) {
            throw new IllegalArgumentException("an auth header needs at least one parameter");
        }
        for (int i = 1; i < params.size(); i++) {
            if (nameAmongFirst(params, i, params.get(i).name())) {
                throw new IllegalArgumentException("parameter appears twice: " + params.get(i).name());
            }
        }
    }

    /**
     * Whether one of the first {@code count} parameters is named {@code name} (names are lower-case).
     * A scan, not a set: a header has a handful of parameters (the parser stops at {@link
     * AuthHeaderParser#MAX_PARAMS}) and every REGISTER's Authorization is checked.
     */
    static boolean nameAmongFirst(List<AuthParam> params, int count, String name) {
        for (int i = 0; i < count; i++) {
            if (params.get(i).name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Parses a header value; never throws on bad input. */
    public static ParseResult<AuthHeaderValue> parse(String text) {
        return new AuthHeaderParser(text).parse();
    }

    /** Whether the scheme is {@code Digest} (schemes compare case-insensitively, RFC 7235 §2.1). */
    public boolean isDigest() {
        return DIGEST.equalsIgnoreCase(scheme);
    }

    /** The value of the parameter with this (case-insensitive) name. */
    public Optional<String> get(String name) {
        for (AuthParam p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return Optional.of(p.value());
            }
        }
        return Optional.empty();
    }

    /** The header value as written on the wire: {@code Digest a="b", c=d}. */
    public String serialize() {
        // every 401 carries one or two of these: a plain loop, no stream
        StringBuilder out = new StringBuilder(32 * params.size()).append(scheme).append(' ');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(params.get(i).serialize());
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return serialize();
    }
}
