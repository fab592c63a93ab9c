package org.switchboard.sip.auth;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server side of SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): builds the
 * challenges for a 401/407 and verifies the credentials a client sends back. One instance serves
 * every realm and is safe from any thread; call executors use it concurrently.
 *
 * <p>Nonces are stateless (see {@link HmacNonces}); the only state is the bounded nonce-count map
 * that refuses replays. Responses without {@code qop} (RFC 2069 style) are refused: every challenge
 * offers {@code qop="auth"} and RFC 7616 §3.4 requires a client to answer with a qop it was offered,
 * and without {@code nc} there is nothing to stop a captured request being replayed while the nonce
 * is fresh.
 *
 * <p>The digest-uri must name the request's own Request-URI (RFC 2617 §3.2.2.5): otherwise a
 * man in the middle could keep a valid {@code Authorization} and point an INVITE at a premium
 * number. User agents copy the Request-URI verbatim, so the check is a textual comparison,
 * ignoring ASCII case for the sake of host names; callers pass the Request-URI as received.
 *
 * <p>Which algorithms a challenge offers may be chosen per request (some phones give up on a
 * response that holds a challenge they cannot answer, see docs/decisions.md); the nonce carries the
 * offer, and an answer in an algorithm its nonce did not offer is refused, so a phone is held to the
 * challenge it was given.
 */
public final class DigestAuthenticator {

    /** Shortest server secret accepted: HMAC-SHA256 keys below 128 bits are guessable offline. */
    public static final int MIN_SECRET_BYTES = 16;

    private final HmacNonces nonces;
    private final NonceCountTracker nonceCounts;
    private final List<DigestAlgorithm> offered;
    /** Realms are the configured domains and offers a handful, so this stays as small as the configuration. */
    private final ConcurrentHashMap<TextKey, List<ChallengeText>> challengeTexts = new ConcurrentHashMap<>();

    /**
     * @param secret the HMAC key for nonces; every node that should accept this node's nonces uses
     *     the same secret
     * @param settings lifetimes, bounds and the algorithms offered when a caller names none
     * @param clock the time source for issuing and checking nonces
     */
    public DigestAuthenticator(byte[] secret, DigestServerSettings settings, InstantSource clock) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("digest secret must have at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.nonces = new HmacNonces(secret, settings.nonceLifetime(), settings.bindNonceToClientAddress(), clock);
        this.nonceCounts = new NonceCountTracker(settings.nonceCountCapacity(), clock);
        this.offered = settings.offeredAlgorithms();
    }

    /**
     * The challenges for a 401 ({@code WWW-Authenticate}) or 407 ({@code Proxy-Authenticate}), one
     * per offered algorithm in preference order, sharing one fresh nonce (RFC 8760 §2.4 lets the
     * client pick the first it supports).
     *
     * @param stale true when answering an {@link AuthResult.Stale} verdict
     */
    public List<DigestChallenge> challenges(String realm, InetAddress client, boolean stale) {
        return challenges(realm, client, stale, offered);
    }

    /**
     * {@link #challenges(String, InetAddress, boolean)} offering {@code offer} instead of the
     * configured algorithms.
     *
     * @param offer distinct algorithms in preference order, not empty
     */
    public List<DigestChallenge> challenges(
            String realm, InetAddress client, boolean stale, List<DigestAlgorithm> offer) {
        String nonce = nonces.issue(realm, client, HmacNonces.offerOf(checked(offer)));
        Optional<String> opaque = Optional.of(nonces.opaque(realm));
        return offer.stream()
                .map(a -> new DigestChallenge(realm, nonce, opaque, a, List.of(DigestChallenge.QOP_AUTH), stale))
                .toList();
    }

    /**
     * {@link #challenges} as header values ready to add to a response: the text around the nonce is
     * written once per realm and staleness (the same as {@link DigestChallenge#toHeaderValue}), so
     * a challenge costs a nonce and a concatenation.
     */
    public List<String> challengeHeaderValues(String realm, InetAddress client, boolean stale) {
        return challengeHeaderValues(realm, client, stale, offered);
    }

    /**
     * {@link #challengeHeaderValues(String, InetAddress, boolean)} offering {@code offer} instead of
     * the configured algorithms.
     *
     * @param offer distinct algorithms in preference order, not empty
     */
    public List<String> challengeHeaderValues(
            String realm, InetAddress client, boolean stale, List<DigestAlgorithm> offer) {
        List<ChallengeText> texts = challengeTexts.computeIfAbsent(new TextKey(realm, stale, checked(offer)),
                this::challengeTexts);
        String nonce = nonces.issue(realm, client, HmacNonces.offerOf(offer));
        return switch (texts.size()) {
            case 1 -> List.of(texts.getFirst().around(nonce));
            default -> texts.stream().map(t -> t.around(nonce)).toList();
        };
    }

    /** A challenge's header value cut at its nonce. */
    private record ChallengeText(String beforeNonce, String afterNonce) {
        String around(String nonce) {
            return beforeNonce + nonce + afterNonce;
        }
    }

    private record TextKey(String realm, boolean stale, List<DigestAlgorithm> offer) {}

    private static List<DigestAlgorithm> checked(List<DigestAlgorithm> offer) {
        if (offer.isEmpty() || offer.size() != offer.stream().distinct().count()) {
            throw new IllegalArgumentException("offered algorithms must be distinct and not empty: " + offer);
        }
        return offer;
    }

    private List<ChallengeText> challengeTexts(TextKey key) {
        // A nonce is base64url, which needs no quoting: a placeholder of the same kind marks where it goes.
        String mark = "NONCEPLACEHOLDER";
        Optional<String> opaque = Optional.of(nonces.opaque(key.realm()));
        return key.offer().stream().map(a -> {
            String text = new DigestChallenge(key.realm(), mark, opaque, a, List.of(DigestChallenge.QOP_AUTH),
                    key.stale()).toHeaderValue();
            int at = text.indexOf(mark);
            return new ChallengeText(text.substring(0, at), text.substring(at + mark.length()));
        }).toList();
    }

    /**
     * Verifies an {@code Authorization}/{@code Proxy-Authorization} header value for a request.
     *
     * @param method the request method, part of HA2
     * @param requestUri the request's Request-URI as received
     * @param headerValue the header value as received
     * @param realm the realm this server challenged with for the request's domain
     * @param client the address the request came from
     * @param ha1s where the user's stored HA1 comes from
     */
    public AuthResult verify(
            String method, String requestUri, String headerValue, String realm, InetAddress client, Ha1Source ha1s) {
        return switch (DigestCredentials.parse(headerValue)) {
            case ParseResult.Failed<DigestCredentials> f -> new AuthResult.Malformed(f.reason());
            case ParseResult.Parsed<DigestCredentials> p -> verify(method, requestUri, p.value(), realm, client, ha1s);
        };
    }

    /**
     * Verifies already parsed credentials; see
     * {@link #verify(String, String, String, String, InetAddress, Ha1Source)}.
     */
    public AuthResult verify(
            String method,
            String requestUri,
            DigestCredentials credentials,
            String realm,
            InetAddress client,
            Ha1Source ha1s) {
        if (!credentials.realm().equals(realm)) {
            return new AuthResult.Invalid("realm does not match");
        }
        if (!credentials.uri().equalsIgnoreCase(requestUri)) {
            return new AuthResult.Invalid("digest-uri does not match the Request-URI");
        }
        if (credentials.qopAuth().isEmpty()) {
            return new AuthResult.Invalid("qop=auth required");
        }
        if (credentials.opaque().isPresent() && !credentials.opaque().get().equals(nonces.opaque(realm))) {
            // A missing opaque is tolerated: some phones drop it, and it protects nothing the
            // signed nonce does not already protect.
            return new AuthResult.Invalid("opaque does not match");
        }
        HmacNonces.Check nonce = nonces.check(credentials.nonce(), realm, client);
        if (nonce instanceof HmacNonces.Check.Forged forged) {
            return new AuthResult.Invalid(forged.reason());
        }
        int offer = nonce instanceof HmacNonces.Check.Fresh fresh ? fresh.offer()
                : ((HmacNonces.Check.Expired) nonce).offer();
        if (!HmacNonces.offers(offer, credentials.algorithm())) {
            // The phone was challenged with other algorithms: an answer in one it was not offered is
            // someone else's choice, e.g. MD5 forced on an extension that asked for SHA-256 only.
            return new AuthResult.Invalid("algorithm was not offered with this nonce");
        }
        Optional<String> ha1 = ha1s.ha1(credentials.username(), realm, credentials.algorithm());
        if (ha1.isEmpty()) {
            // Hash anyway, so an unknown user costs the same time as a wrong password and the
            // answer time does not reveal which accounts exist.
            responseMatches(method, credentials, "0".repeat(credentials.algorithm().hexLength()));
            return new AuthResult.Invalid("unknown user");
        }
        if (!responseMatches(method, credentials, ha1.get())) {
            return new AuthResult.Invalid("response does not match");
        }
        // Only a correct response learns that its nonce is stale (RFC 7616 §3.3), so a guesser
        // cannot tell stale from wrong.
        return nonce instanceof HmacNonces.Check.Fresh fresh ? countNonce(credentials, fresh) : new AuthResult.Stale();
    }

    private AuthResult countNonce(DigestCredentials credentials, HmacNonces.Check.Fresh nonce) {
        long count = credentials.qopAuth().orElseThrow().nonceCount();
        return switch (nonceCounts.accept(
                credentials.nonce(), nonce.issuedAt(), nonces.expiresAt(nonce.issuedAt()), count)) {
            case ACCEPTED -> new AuthResult.Ok(credentials.username(), credentials.algorithm());
            case REPLAYED -> new AuthResult.Invalid("nonce-count replayed");
            case FORGOTTEN -> new AuthResult.Stale();
        };
    }

    private static boolean responseMatches(String method, DigestCredentials credentials, String ha1) {
        DigestAlgorithm algorithm = credentials.algorithm();
        DigestCredentials.QopAuth qop = credentials.qopAuth().orElseThrow();
        String expected = algorithm.response(
                ha1.toLowerCase(Locale.ROOT),
                credentials.nonce(),
                qop.nc(),
                qop.cnonce(),
                DigestChallenge.QOP_AUTH,
                algorithm.ha2(method, credentials.uri()));
        // Constant time, so the comparison leaks nothing about how much of a guess was right.
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), credentials.response().getBytes(StandardCharsets.US_ASCII));
    }
}
