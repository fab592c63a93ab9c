package org.switchboard.sip.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client side of SIP digest authentication, for registering to and calling through a trunk:
 * answers a 401/407 challenge and reuses its nonce for later requests with an increasing
 * nonce-count (RFC 7616 §3.4). Holds the last nonce, so it is confined to the one executor that
 * owns the registration or call; it is not thread-safe.
 */
public final class DigestClient {

    /** The largest nonce-count eight hex digits can carry. */
    private static final long MAX_NONCE_COUNT = 0xFFFF_FFFFL;

    private final String username;
    private final ClientSecret secret;
    private final Supplier<String> cnonces;

    private Optional<DigestChallenge> current = Optional.empty();
    private long nonceCount;

    /**
     * @param username the user name sent in credentials
     * @param secret the password or HA1
     * @param cnonces where client nonces come from; each request gets a new one
     */
    public DigestClient(String username, ClientSecret secret, Supplier<String> cnonces) {
        this.username = username;
        this.secret = secret;
        this.cnonces = cnonces;
    }

    /** A client with random 128-bit client nonces. */
    public DigestClient(String username, ClientSecret secret) {
        this(username, secret, randomCnonces());
    }

    /**
     * Answers the challenges of a 401 ({@code WWW-Authenticate}) or 407 ({@code Proxy-Authenticate}):
     * picks the strongest one this client can answer (SHA-256 before SHA-512-256 before MD5), and
     * computes credentials for {@code method} and {@code uri}. A challenge with the same nonce as
     * the last one continues its nonce-count; a new nonce starts again at 1.
     *
     * @param challengeHeaderValues every challenge header value of the response
     * @param method the method of the request being retried
     * @param uri the Request-URI of the request being retried, used as digest-uri
     */
    public ParseResult<DigestCredentials> answer(List<String> challengeHeaderValues, String method, String uri) {
        List<String> refused = new ArrayList<>();
        Optional<DigestChallenge> best = Optional.empty();
        for (String value : challengeHeaderValues) {
            switch (DigestChallenge.parse(value)) {
                case ParseResult.Failed<DigestChallenge> f -> refused.add(f.reason());
                case ParseResult.Parsed<DigestChallenge> p -> {
                    Optional<String> why = whyUnanswerable(p.value());
                    if (why.isPresent()) {
                        refused.add(why.get());
                    } else if (best.isEmpty() || isPreferred(p.value(), best.get())) {
                        best = Optional.of(p.value());
                    }
                }
            }
        }
        if (best.isEmpty()) {
            return ParseResult.failed(challengeHeaderValues.isEmpty()
                    ? "no challenge to answer"
                    : "no answerable challenge: " + String.join("; ", refused));
        }
        DigestChallenge chosen = best.get();
        boolean sameNonce = current.map(c -> c.nonce().equals(chosen.nonce())).orElse(false);
        nonceCount = sameNonce ? nonceCount + 1 : 1;
        current = Optional.of(chosen);
        return new ParseResult.Parsed<>(credentials(chosen, method, uri));
    }

    /**
     * Credentials for a further request (a re-REGISTER, a re-INVITE) with the last nonce and the
     * next nonce-count, sparing a round trip; empty if no challenge has been answered yet or the
     * challenge had no qop, since RFC 2069 style credentials cannot be reused safely, or the
     * nonce-count is exhausted.
     */
    public Optional<DigestCredentials> reuse(String method, String uri) {
        if (current.isEmpty() || !current.get().offersQopAuth() || nonceCount >= MAX_NONCE_COUNT) {
            return Optional.empty();
        }
        nonceCount++;
        return Optional.of(credentials(current.get(), method, uri));
    }

    private Optional<String> whyUnanswerable(DigestChallenge challenge) {
        if (!challenge.qopOptions().isEmpty() && !challenge.offersQopAuth()) {
            return Optional.of("only qop " + challenge.qopOptions() + " offered");
        }
        if (secret.ha1(username, challenge.realm(), challenge.algorithm()).isEmpty()) {
            return Optional.of("no secret for " + challenge.algorithm().token() + " in realm " + challenge.realm());
        }
        return Optional.empty();
    }

    private static boolean isPreferred(DigestChallenge candidate, DigestChallenge best) {
        Comparator<DigestChallenge> byAlgorithm = Comparator.comparingInt(c -> c.algorithm().preference());
        return byAlgorithm.compare(candidate, best) > 0;
    }

    private DigestCredentials credentials(DigestChallenge challenge, String method, String uri) {
        DigestAlgorithm algorithm = challenge.algorithm();
        String ha1 = secret.ha1(username, challenge.realm(), algorithm).orElseThrow();
        String ha2 = algorithm.ha2(method, uri);
        Optional<DigestCredentials.QopAuth> qop = Optional.empty();
        String response;
        if (challenge.offersQopAuth()) {
            DigestCredentials.QopAuth auth = DigestCredentials.QopAuth.of(cnonces.get(), nonceCount);
            qop = Optional.of(auth);
            response = algorithm.response(ha1, challenge.nonce(), auth.nc(), auth.cnonce(), DigestChallenge.QOP_AUTH, ha2);
        } else {
            // RFC 3261 §22.4 keeps RFC 2069 compatibility for servers that offer no qop.
            response = algorithm.responseWithoutQop(ha1, challenge.nonce(), ha2);
        }
        return new DigestCredentials(
                username, challenge.realm(), challenge.nonce(), uri, response, algorithm, challenge.opaque(), qop);
    }

    private static Supplier<String> randomCnonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        };
    }
}
