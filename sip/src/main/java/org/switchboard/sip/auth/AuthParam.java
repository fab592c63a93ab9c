package org.switchboard.sip.auth;

import java.util.Locale;

/**
 * One {@code auth-param} of a challenge or credentials: a case-insensitive name, its value, and
 * whether it is written as a quoted-string or a token (RFC 3261 §25.1, RFC 7235 §2.1). Immutable,
 * safe from any thread.
 *
 * @param name the parameter name, stored lower-case because names compare case-insensitively
 * @param value the value with quoting and escapes removed
 * @param quoted whether the value is serialized as a quoted-string
 */
public record AuthParam(String name, String value, boolean quoted) {

    public AuthParam {
        if (!HeaderSyntax.isToken(name)) {
            throw new IllegalArgumentException("auth-param name is not a token: " + name);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (quoted ? !HeaderSyntax.isQuotable(value) : !HeaderSyntax.isToken(value)) {
            throw new IllegalArgumentException("value of " + name + " cannot be written "
                    + (quoted ? "as a quoted-string" : "as a token"));
        }
    }

    /** A parameter written as a quoted-string. */
    public static AuthParam quoted(String name, String value) {
        return new AuthParam(name, value, true);
    }

    /** A parameter written as a token. */
    public static AuthParam token(String name, String value) {
        return new AuthParam(name, value, false);
    }

    /** {@code name=value} or {@code name="value"} with {@code "} and {@code \} escaped. */
    String serialize() {
        return quoted ? name + "=" + HeaderSyntax.quote(value) : name + "=" + value;
    }
}
