package org.switchboard.sip.auth;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Digest credentials as carried by {@code Authorization} or {@code Proxy-Authorization} (RFC 3261
 * §22.4, RFC 7616 §3.4). Immutable, safe from any thread. The {@code response} is a hash, not a
 * secret, but {@link #toString()} still leaves it out of logs.
 *
 * @param username the user name
 * @param realm the realm copied from the challenge
 * @param nonce the nonce copied from the challenge
 * @param uri the digest-uri: the Request-URI of the request being authorized
 * @param response the request-digest, lower-case hex
 * @param algorithm the hash algorithm
 * @param opaque the challenge's opaque value, if it had one
 * @param qopAuth the cnonce and nonce-count of qop {@code auth}; empty for an RFC 2069 response
 */
public record DigestCredentials(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        DigestAlgorithm algorithm,
        Optional<String> opaque,
        Optional<QopAuth> qopAuth) {

    /**
     * The qop {@code auth} part of credentials (RFC 7616 §3.4).
     *
     * @param cnonce the client nonce
     * @param nc the nonce-count as sent: eight hex digits, kept verbatim because the response
     *     was computed over this exact text
     */
    public record QopAuth(String cnonce, String nc) {

        public QopAuth {
            if (cnonce.isEmpty()) {
                throw new IllegalArgumentException("cnonce is empty");
            }
            if (nc.length() != 8 || !isHex(nc) || Long.parseLong(nc, 16) == 0) {
                throw new IllegalArgumentException("nc is not eight hex digits above zero: " + nc);
            }
        }

        /** The qop part for the {@code count}-th request with one nonce, counting from 1. */
        public static QopAuth of(String cnonce, long count) {
            if (count < 1 || count > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("nonce-count out of range: " + count);
            }
            return new QopAuth(cnonce, String.format(Locale.ROOT, "%08x", count));
        }

        /** How many requests the client has sent with this nonce, from 1. */
        public long nonceCount() {
            return Long.parseLong(nc, 16);
        }
    }

    /** Parses a credentials header value; never throws on bad input. */
    public static ParseResult<DigestCredentials> parse(String headerValue) {
        return switch (AuthHeaderValue.parse(headerValue)) {
            case ParseResult.Failed<AuthHeaderValue> f -> ParseResult.failed(f.reason());
            case ParseResult.Parsed<AuthHeaderValue> p -> from(p.value());
        };
    }

    /**
     * Whether a credentials header value is in the Digest scheme. Credentials in a scheme we do not
     * know are not ours to check: the request is then challenged as if it had none (RFC 4475 §3.3.7).
     */
    public static boolean isDigestScheme(String headerValue) {
        String v = headerValue.strip();
        return v.length() > 6 && v.regionMatches(true, 0, "Digest", 0, 6) && Character.isWhitespace(v.charAt(6));
    }

    /** Reads credentials from an already parsed header value. */
    public static ParseResult<DigestCredentials> from(AuthHeaderValue header) {
        if (!header.isDigest()) {
            return ParseResult.failed("credentials scheme is not Digest");
        }
        for (String required : List.of("username", "realm", "nonce", "uri", "response")) {
            if (header.get(required).isEmpty()) {
                return ParseResult.failed("digest credentials without " + required);
            }
        }
        if (header.get("userhash").map("true"::equalsIgnoreCase).orElse(false)) {
            // RFC 7616 §3.4.4: never offered in our challenges, so a client must not use it.
            return ParseResult.failed("userhash is not supported");
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(header.get("algorithm").orElse(""));
        if (algorithm.isEmpty()) {
            return ParseResult.failed("unsupported digest algorithm");
        }
        String response = header.get("response").orElseThrow();
        if (response.length() != algorithm.get().hexLength() || !isHex(response)) {
            return ParseResult.failed("response is not a " + algorithm.get().token() + " hex digest");
        }
        ParseResult<Optional<QopAuth>> qop = qopAuth(header);
        return switch (qop) {
            case ParseResult.Failed<Optional<QopAuth>> f -> ParseResult.failed(f.reason());
            case ParseResult.Parsed<Optional<QopAuth>> q -> new ParseResult.Parsed<>(new DigestCredentials(
                    header.get("username").orElseThrow(),
                    header.get("realm").orElseThrow(),
                    header.get("nonce").orElseThrow(),
                    header.get("uri").orElseThrow(),
                    response.toLowerCase(Locale.ROOT),
                    algorithm.get(),
                    header.get("opaque"),
                    q.value()));
        };
    }

    private static ParseResult<Optional<QopAuth>> qopAuth(AuthHeaderValue header) {
        Optional<String> qop = header.get("qop");
        Optional<String> nc = header.get("nc");
        Optional<String> cnonce = header.get("cnonce");
        if (qop.isEmpty()) {
            // RFC 7616 §3.4: nc and cnonce MUST NOT be sent without qop.
            return nc.isPresent() || cnonce.isPresent()
                    ? ParseResult.failed("nc or cnonce without qop")
                    : new ParseResult.Parsed<>(Optional.empty());
        }
        if (!DigestChallenge.QOP_AUTH.equalsIgnoreCase(qop.get())) {
            return ParseResult.failed("unsupported qop");
        }
        if (nc.isEmpty() || cnonce.isEmpty() || cnonce.get().isEmpty()) {
            // An empty cnonce would leave the client contributing nothing to the hash.
            return ParseResult.failed("qop=auth without " + (nc.isEmpty() ? "nc" : "cnonce"));
        }
        if (nc.get().length() != 8 || !isHex(nc.get()) || Long.parseLong(nc.get(), 16) == 0) {
            return ParseResult.failed("nc is not eight hex digits above zero");
        }
        return new ParseResult.Parsed<>(Optional.of(new QopAuth(cnonce.get(), nc.get())));
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The credentials as a parsed header value, parameters in the customary order. */
    public AuthHeaderValue toHeader() {
        List<AuthParam> params = new ArrayList<>();
        params.add(AuthParam.quoted("username", username));
        params.add(AuthParam.quoted("realm", realm));
        params.add(AuthParam.quoted("nonce", nonce));
        params.add(AuthParam.quoted("uri", uri));
        params.add(AuthParam.quoted("response", response));
        params.add(AuthParam.token("algorithm", algorithm.token()));
        opaque.ifPresent(o -> params.add(AuthParam.quoted("opaque", o)));
        qopAuth.ifPresent(q -> {
            // RFC 7616 §3.4: qop and nc are tokens in credentials, cnonce is quoted.
            params.add(AuthParam.token("qop", DigestChallenge.QOP_AUTH));
            params.add(AuthParam.token("nc", q.nc()));
            params.add(AuthParam.quoted("cnonce", q.cnonce()));
        });
        return new AuthHeaderValue(AuthHeaderValue.DIGEST, params);
    }

    /** The header value as written on the wire. */
    public String toHeaderValue() {
        return toHeader().serialize();
    }

    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri
                + ", algorithm=" + algorithm.token() + ", nc=" + qopAuth.map(QopAuth::nc).orElse("none") + "]";
    }
}
