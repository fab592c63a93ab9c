package org.switchboard.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Record-Route,
 * Refer-To and P-Asserted-Identity (RFC 3261 §20.10, §25.1). The display name is held unquoted.
 * Immutable; any thread may use it.
 */
public record NameAddress(Optional<String> displayName, Uri uri, Parameters parameters) {

    /** An address without display name or parameters. */
    public static NameAddress of(Uri uri) {
        return new NameAddress(Optional.empty(), uri, Parameters.EMPTY);
    }

    /** The {@code tag} parameter (RFC 3261 §19.3), when present. */
    public Optional<String> tag() {
        return parameters.get("tag");
    }

    public boolean hasTag() {
        return parameters.get("tag").isPresent();
    }

    /** A copy with {@code tag} set (replacing any tag). */
    public NameAddress withTag(String tag) {
        return new NameAddress(displayName, uri, parameters.with("tag", tag));
    }

    public NameAddress withParameters(Parameters newParameters) {
        return new NameAddress(displayName, uri, newParameters);
    }

    public NameAddress withUri(Uri newUri) {
        return new NameAddress(displayName, newUri, parameters);
    }

    /**
     * Parses one name-addr or addr-spec followed by parameters. An addr-spec ends at the first ';'
     * or whitespace; a URI with ',', ';' or '?' must be inside angle brackets (RFC 3261 §20).
     *
     * @throws SipParseException on a syntax error
     */
    public static NameAddress parse(String s) {
        int end = s.length();
        int i = Syntax.skipWsp(s, 0, end);
        if (i >= end) {
            throw new SipParseException("Empty address");
        }
        Optional<String> display = Optional.empty();
        char c = s.charAt(i);
        if (c == '"') {
            int close = Syntax.endOfQuoted(s, i, end);
            display = Optional.of(Syntax.unquote(s, i, close));
            i = Syntax.skipWsp(s, close, end);
            if (i >= end || s.charAt(i) != '<') {
                throw new SipParseException("Expected '<' after display name");
            }
        } else if (c != '<' && hasAngleAhead(s, i, end)) {
            int start = i;
            while (i < end && s.charAt(i) != '<') {
                char d = s.charAt(i);
                if (!Syntax.isTokenChar(d) && !Syntax.isWsp(d)) {
                    throw new SipParseException("Invalid display name");
                }
                i++;
            }
            display = Optional.of(s.substring(start, i).strip());
        }
        if (i < end && s.charAt(i) == '<') {
            int close = s.indexOf('>', i);
            if (close < 0) {
                throw new SipParseException("Missing '>'");
            }
            String inner = s.substring(i + 1, close);
            for (int k = 0; k < inner.length(); k++) {
                if (inner.charAt(k) <= ' ') {
                    throw new SipParseException("Whitespace inside URI");
                }
            }
            Uri uri = Uri.parse(inner);
            return new NameAddress(display, uri, Parameters.parseHeaderParams(s, close + 1, end));
        }
        int start = i;
        while (i < end && s.charAt(i) != ';' && !Syntax.isWsp(s.charAt(i))) {
            char d = s.charAt(i);
            if (d == '?' || d == ',' || d == '<' || d == '>' || d == '"') {
                throw new SipParseException("URI with '" + d + "' must be enclosed in <>");
            }
            i++;
        }
        Uri uri = Uri.parse(s.substring(start, i));
        return new NameAddress(Optional.empty(), uri, Parameters.parseHeaderParams(s, i, end));
    }

    private static boolean hasAngleAhead(String s, int i, int end) {
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (c == '<') {
                return true;
            }
            if (c == ':' || c == ';' || c == '"') {
                return false;
            }
        }
        return false;
    }

    /** Parses a comma-separated list of addresses (Contact, Route, Record-Route, P-Asserted-Identity). */
    public static List<NameAddress> parseList(String s) {
        List<String> parts = Syntax.splitCommas(s);
        List<NameAddress> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(parse(p));
        }
        return List.copyOf(out);
    }

    /** Renders as name-addr ({@code "Display" <uri>;params}), which is always unambiguous. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(48);
        displayName.ifPresent(d -> sb.append(Syntax.quote(d)).append(' '));
        sb.append('<').append(uri).append('>');
        parameters.appendTo(sb);
        return sb.toString();
    }
}
