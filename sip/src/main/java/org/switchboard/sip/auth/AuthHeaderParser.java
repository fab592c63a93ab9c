package org.switchboard.sip.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one auth header value: {@code scheme LWS auth-param *(COMMA auth-param)} with values as
 * tokens or quoted-strings (RFC 3261 §25.1). Single use, confined to the calling thread. Linear in
 * the input and bounded in what it accepts, so hostile input costs little.
 */
final class AuthHeaderParser {

    /** More parameters than any real challenge carries; beyond this the header is refused. */
    static final int MAX_PARAMS = 32;
    /** Longer than any sane auth header; refusing early bounds the work per request. */
    static final int MAX_LENGTH = 8192;

    private final String text;
    private int pos;

    AuthHeaderParser(String text) {
        this.text = text == null ? "" : text;
    }

    ParseResult<AuthHeaderValue> parse() {
        if (text.length() > MAX_LENGTH) {
            return ParseResult.failed("auth header longer than " + MAX_LENGTH + " characters");
        }
        skipWhitespace();
        String scheme = token();
        if (scheme.isEmpty()) {
            return ParseResult.failed("auth header does not start with a scheme");
        }
        int afterScheme = pos;
        skipWhitespace();
        if (pos == afterScheme && pos < text.length()) {
            return ParseResult.failed("no whitespace after auth scheme");
        }
        List<AuthParam> params = new ArrayList<>();
        while (true) {
            skipSeparators();
            if (pos >= text.length()) {
                break;
            }
            if (params.size() == MAX_PARAMS) {
                return ParseResult.failed("more than " + MAX_PARAMS + " auth parameters");
            }
            AuthParam p;
            switch (param()) {
                case ParseResult.Failed<AuthParam> f -> {
                    return ParseResult.failed(f.reason());
                }
                case ParseResult.Parsed<AuthParam> ok -> p = ok.value();
            }
            if (AuthHeaderValue.nameAmongFirst(params, params.size(), p.name())) {
                // RFC 7235 §2.1: each parameter name occurs at most once per challenge.
                return ParseResult.failed("auth parameter '" + lower(p.name()) + "' appears twice");
            }
            params.add(p);
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) != ',') {
                return ParseResult.failed(
                        "expected ',' after auth parameter '" + lower(p.name()) + "' at offset " + pos);
            }
        }
        if (params.isEmpty()) {
            return ParseResult.failed("auth scheme '" + lower(scheme) + "' without parameters");
        }
        return new ParseResult.Parsed<>(new AuthHeaderValue(scheme, params));
    }

    private ParseResult<AuthParam> param() {
        int start = pos;
        String name = token();
        if (name.isEmpty()) {
            return ParseResult.failed("expected an auth parameter name at offset " + start);
        }
        skipWhitespace();
        if (pos >= text.length() || text.charAt(pos) != '=') {
            return ParseResult.failed("auth parameter '" + lower(name) + "' has no '='");
        }
        pos++;
        skipWhitespace();
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quotedValue(name);
        }
        String value = token();
        if (value.isEmpty()) {
            return ParseResult.failed("auth parameter '" + lower(name) + "' has no value");
        }
        return new ParseResult.Parsed<>(AuthParam.token(name, value));
    }

    private ParseResult<AuthParam> quotedValue(String name) {
        pos++; // opening quote
        // Most values (nonce, response, uri) have no escapes: taken as one substring.
        int start = pos;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return new ParseResult.Parsed<>(AuthParam.quoted(name, text.substring(start, i)));
            }
            if (c == '\\' || !HeaderSyntax.isQuotableChar(c)) {
                break;
            }
        }
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return new ParseResult.Parsed<>(AuthParam.quoted(name, value.toString()));
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            if (!HeaderSyntax.isQuotableChar(c)) {
                return ParseResult.failed("control character in the value of '" + lower(name) + "'");
            }
            value.append(c);
        }
        return ParseResult.failed("unterminated quoted-string in the value of '" + lower(name) + "'");
    }

    private String token() {
        int start = pos;
        while (pos < text.length() && HeaderSyntax.isTokenChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipWhitespace() {
        while (pos < text.length() && HeaderSyntax.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Whitespace and commas: RFC 7230 §7 lets a list carry empty elements, which are ignored. */
    private void skipSeparators() {
        while (pos < text.length() && (HeaderSyntax.isWhitespace(text.charAt(pos)) || text.charAt(pos) == ',')) {
            pos++;
        }
    }

    /** A parameter name fit for an error message: lower-case and cut short, it came from a peer. */
    private static String lower(String name) {
        String shown = name.length() > 32 ? name.substring(0, 32) + "..." : name;
        return shown.toLowerCase(Locale.ROOT);
    }
}
