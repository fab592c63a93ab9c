package org.switchboard.sip.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A digest challenge as carried by {@code WWW-Authenticate} or {@code Proxy-Authenticate} (RFC 3261
 * §22.4, RFC 7616 §3.3). Immutable, safe from any thread.
 *
 * @param realm the protection space, shown to the user and part of HA1
 * @param nonce the server's nonce
 * @param opaque a value the client returns unchanged, if the server sent one
 * @param algorithm the hash algorithm; an absent parameter means MD5
 * @param qopOptions the offered quality-of-protection values ({@code auth}, {@code auth-int}); empty
 *     for an RFC 2069 style challenge
 * @param stale whether the previous credentials were right but their nonce had expired
 */
public record DigestChallenge(
        String realm,
        String nonce,
        Optional<String> opaque,
        DigestAlgorithm algorithm,
        List<String> qopOptions,
        boolean stale) {

    /** The qop value this package computes; {@code auth-int} (body hashing) is not implemented. */
    public static final String QOP_AUTH = "auth";

    public DigestChallenge {
        qopOptions = List.copyOf(qopOptions);
    }

    /** Parses a challenge header value; never throws on bad input. */
    public static ParseResult<DigestChallenge> parse(String headerValue) {
        return switch (AuthHeaderValue.parse(headerValue)) {
            case ParseResult.Failed<AuthHeaderValue> f -> ParseResult.failed(f.reason());
            case ParseResult.Parsed<AuthHeaderValue> p -> from(p.value());
        };
    }

    /** Reads a challenge from an already parsed header value. */
    public static ParseResult<DigestChallenge> from(AuthHeaderValue header) {
        if (!header.isDigest()) {
            return ParseResult.failed("challenge scheme is not Digest");
        }
        Optional<String> realm = header.get("realm");
        Optional<String> nonce = header.get("nonce");
        if (realm.isEmpty() || nonce.isEmpty()) {
            return ParseResult.failed("digest challenge without " + (realm.isEmpty() ? "realm" : "nonce"));
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(header.get("algorithm").orElse(""));
        if (algorithm.isEmpty()) {
            return ParseResult.failed("unsupported digest algorithm");
        }
        // RFC 7616 §3.3: qop is a quoted, comma-separated list of tokens.
        List<String> qop = header.get("qop")
                .map(q -> Arrays.stream(q.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(List.of());
        boolean stale = header.get("stale").map("true"::equalsIgnoreCase).orElse(false);
        return new ParseResult.Parsed<>(new DigestChallenge(
                realm.get(), nonce.get(), header.get("opaque"), algorithm.get(), qop, stale));
    }

    /** Whether the challenge offers qop {@code auth}. */
    public boolean offersQopAuth() {
        return qopOptions.stream().anyMatch(QOP_AUTH::equalsIgnoreCase);
    }

    /** The challenge as a parsed header value, parameters in the customary order. */
    public AuthHeaderValue toHeader() {
        List<AuthParam> params = new ArrayList<>();
        params.add(AuthParam.quoted("realm", realm));
        params.add(AuthParam.quoted("nonce", nonce));
        opaque.ifPresent(o -> params.add(AuthParam.quoted("opaque", o)));
        params.add(AuthParam.token("algorithm", algorithm.token()));
        if (!qopOptions.isEmpty()) {
            params.add(AuthParam.quoted("qop", String.join(",", qopOptions)));
        }
        if (stale) {
            params.add(AuthParam.token("stale", "true"));
        }
        return new AuthHeaderValue(AuthHeaderValue.DIGEST, params);
    }

    /** The header value as written on the wire. */
    public String toHeaderValue() {
        return toHeader().serialize();
    }
}
