package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestAuthenticatorTest {

    private static final String REALM = "pbx.example";
    private static final String URI = "sip:pbx.example";
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final InetAddress PHONE = address("127.0.0.10");
    private static final InetAddress OTHER = address("127.0.0.11");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DigestAuthenticator server =
            new DigestAuthenticator(SECRET, DigestServerSettings.defaults(), clock);
    private final Ha1Source users = (username, realm, algorithm) -> Optional.ofNullable(
                    Map.of("1001", "secret-1001", "1002", "secret-1002").get(username))
            .map(password -> algorithm.ha1(username, realm, password));

    @Test
    void challengesOfferSha256ThenMd5WithQopAuthRealmAndOpaque() {
        List<DigestChallenge> challenges = server.challenges(REALM, PHONE, false);
        assertThat(challenges).extracting(DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
        for (DigestChallenge c : challenges) {
            assertThat(c.realm()).isEqualTo(REALM);
            assertThat(c.qopOptions()).containsExactly("auth");
            assertThat(c.opaque()).isPresent();
            assertThat(c.stale()).isFalse();
        }
        assertThat(server.challengeHeaderValues(REALM, PHONE, false).getFirst())
                .startsWith("Digest realm=\"pbx.example\", nonce=\"")
                .contains("algorithm=SHA-256", "qop=\"auth\"");
    }

    @Test
    void challengeHeaderValuesAreTheChallengesAsWrittenWithOneFreshNonce() {
        for (boolean stale : List.of(false, true)) {
            List<String> values = server.challengeHeaderValues(REALM, PHONE, stale);
            List<DigestChallenge> parsed = values.stream()
                    .map(v -> ((ParseResult.Parsed<DigestChallenge>) DigestChallenge.parse(v)).value())
                    .toList();
            String nonce = parsed.getFirst().nonce();
            List<String> expected = server.challenges(REALM, PHONE, stale).stream()
                    .map(c -> new DigestChallenge(c.realm(), nonce, c.opaque(), c.algorithm(), c.qopOptions(), c.stale())
                            .toHeaderValue())
                    .toList();
            assertThat(values).as("WWW-Authenticate values of a %s challenge", stale ? "stale" : "first")
                    .isEqualTo(expected);
            assertThat(server.challengeHeaderValues(REALM, PHONE, stale).getFirst())
                    .as("the next challenge has another nonce").doesNotContain(nonce);
        }
    }

    @Test
    void offeredAlgorithmsAreConfigurable() {
        DigestAuthenticator md5Only = new DigestAuthenticator(
                SECRET, DigestServerSettings.defaults().withOfferedAlgorithms(List.of(DigestAlgorithm.MD5)), clock);
        assertThat(md5Only.challengeHeaderValues(REALM, PHONE, false))
                .singleElement()
                .satisfies(v -> assertThat(v).contains("algorithm=MD5"));
    }

    @Test
    void aChallengeMayOfferOtherAlgorithmsThanTheConfiguredOnes() {
        assertThat(server.challengeHeaderValues(REALM, PHONE, false, List.of(DigestAlgorithm.MD5)))
                .singleElement().satisfies(v -> assertThat(v).contains("algorithm=MD5"));
        assertThat(server.challenges(REALM, PHONE, false, List.of(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256)))
                .extracting(DigestChallenge::algorithm)
                .containsExactly(DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);
        assertThat(server.challengeHeaderValues(REALM, PHONE, false))
                .as("the configured offer is unchanged by a per-request one").hasSize(2)
                .first().asString().contains("algorithm=SHA-256");
    }

    @Test
    void anAnswerIsCheckedAgainstTheAlgorithmsItsNonceOffered() {
        String md5Nonce = server.challenges(REALM, PHONE, false, List.of(DigestAlgorithm.MD5)).getFirst().nonce();
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, md5Nonce, 1)))
                .as("SHA-256 answer to an MD5-only challenge")
                .isEqualTo(new AuthResult.Invalid("algorithm was not offered with this nonce"));
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.MD5, md5Nonce, 2)))
                .isEqualTo(new AuthResult.Ok("1001", DigestAlgorithm.MD5));

        String shaNonce = server.challenges(REALM, PHONE, false, List.of(DigestAlgorithm.SHA_256)).getFirst().nonce();
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.MD5, shaNonce, 1)))
                .as("MD5 answer to a SHA-256-only challenge (a downgrade)")
                .isInstanceOf(AuthResult.Invalid.class);
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, shaNonce, 2)))
                .isEqualTo(new AuthResult.Ok("1001", DigestAlgorithm.SHA_256));
    }

    @Test
    void aNonceWhoseOfferWasAlteredIsForeign() {
        String md5Nonce = server.challenges(REALM, PHONE, false, List.of(DigestAlgorithm.MD5)).getFirst().nonce();
        byte[] raw = Base64.getUrlDecoder().decode(md5Nonce);
        raw[16] |= (byte) (1 << DigestAlgorithm.SHA_256.ordinal());
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, widened, 1)))
                .isEqualTo(new AuthResult.Invalid("nonce signature does not match"));
    }

    @Test
    void eachChallengeCarriesANewNonce() {
        assertThat(server.challenges(REALM, PHONE, false).getFirst().nonce())
                .isNotEqualTo(server.challenges(REALM, PHONE, false).getFirst().nonce());
    }

    @Test
    void rightPasswordWithSha256IsAccepted() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Ok("1001", DigestAlgorithm.SHA_256));
    }

    @Test
    void rightPasswordWithMd5IsAccepted() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.MD5);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Ok("1001", DigestAlgorithm.MD5));
    }

    @Test
    void wrongPasswordIsInvalid() {
        String authorization = answer("1001", "guess", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("response does not match"));
    }

    @Test
    void unknownUserIsInvalid() {
        String authorization = answer("9999", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("unknown user"));
    }

    @Test
    void credentialsForOneMethodDoNotAuthorizeAnother() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("INVITE", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Invalid.class);
    }

    @Test
    void credentialsForAnotherRequestUriAreInvalid() {
        String authorization = answer("1001", "secret-1001", "INVITE", DigestAlgorithm.SHA_256);
        assertThat(server.verify("INVITE", "sip:900123@pbx.example", authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("digest-uri does not match the Request-URI"));
    }

    @Test
    void requestUriComparisonIgnoresCase() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", "SIP:PBX.EXAMPLE", authorization, REALM, PHONE, users))
                .isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void nonceOlderThanItsLifetimeIsStaleAndChallengedAgainWithStaleTrue() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        clock.advance(DigestServerSettings.DEFAULT_NONCE_LIFETIME);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isEqualTo(new AuthResult.Stale());
        assertThat(server.challengeHeaderValues(REALM, PHONE, true)).allSatisfy(v -> assertThat(v).endsWith("stale=true"));
    }

    @Test
    void nonceJustInsideItsLifetimeIsStillFresh() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        clock.advance(DigestServerSettings.DEFAULT_NONCE_LIFETIME.minusMillis(1));
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void nonceLifetimeIsConfigurable() {
        DigestAuthenticator shortLived = new DigestAuthenticator(
                SECRET, DigestServerSettings.defaults().withNonceLifetime(Duration.ofSeconds(30)), clock);
        String authorization = answer(shortLived, "1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        clock.advance(Duration.ofSeconds(30));
        assertThat(shortLived.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isEqualTo(new AuthResult.Stale());
    }

    @Test
    void staleNonceWithWrongPasswordIsInvalidNotStale() {
        String authorization = answer("1001", "guess", "REGISTER", DigestAlgorithm.SHA_256);
        clock.advance(Duration.ofHours(1));
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Invalid.class);
    }

    @Test
    void nonceDatedInTheFutureAfterAClockStepBackIsStale() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        clock.advance(Duration.ofSeconds(-10));
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isEqualTo(new AuthResult.Stale());
    }

    @Test
    void tamperedNonceIsInvalidEvenWithAMatchingResponse() {
        String nonce = server.challenges(REALM, PHONE, false).getFirst().nonce();
        byte[] raw = Base64.getUrlDecoder().decode(nonce);
        raw[0] ^= 1; // move the issue time: the HMAC no longer covers it
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String authorization = credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, tampered, 1);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("nonce signature does not match"));
    }

    @Test
    void nonceThatIsNotOursIsInvalid() {
        String authorization = credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, "made-up", 1);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("nonce has the wrong length"));
    }

    @Test
    void nonceFromAServerWithAnotherSecretIsInvalid() {
        DigestAuthenticator stranger = new DigestAuthenticator(
                "another-secret-another-secret!!".getBytes(StandardCharsets.US_ASCII),
                DigestServerSettings.defaults(),
                clock);
        String authorization = answer(stranger, "1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Invalid.class);
    }

    @Test
    void nonceFromAnotherNodeSharingTheSecretIsAccepted() {
        DigestAuthenticator otherNode = new DigestAuthenticator(SECRET, DigestServerSettings.defaults(), clock);
        String authorization = answer(otherNode, "1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void nonceIssuedForAnotherRealmIsInvalid() {
        String nonce = server.challenges("other.example", PHONE, false).getFirst().nonce();
        String authorization = credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, nonce, 1);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("nonce signature does not match"));
    }

    @Test
    void credentialsForAnotherRealmAreInvalid() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, "other.example", PHONE, users))
                .isEqualTo(new AuthResult.Invalid("realm does not match"));
    }

    @Test
    void replayedNonceCountIsInvalid() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Ok.class);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("nonce-count replayed"));
    }

    @Test
    void increasingNonceCountsOnOneNonceAreAcceptedAndAnOlderOneIsNot() {
        String nonce = server.challenges(REALM, PHONE, false).getFirst().nonce();
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, nonce, 1)))
                .isInstanceOf(AuthResult.Ok.class);
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, nonce, 3)))
                .isInstanceOf(AuthResult.Ok.class);
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, nonce, 2)))
                .isEqualTo(new AuthResult.Invalid("nonce-count replayed"));
    }

    @Test
    void wrongPasswordDoesNotUseUpANonceCount() {
        String nonce = server.challenges(REALM, PHONE, false).getFirst().nonce();
        verify(credentials("1001", "guess", "REGISTER", DigestAlgorithm.SHA_256, nonce, 5));
        assertThat(verify(credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, nonce, 1)))
                .isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void responseWithoutQopIsRefused() {
        DigestChallenge c = server.challenges(REALM, PHONE, false).getFirst();
        DigestAlgorithm a = c.algorithm();
        String response = a.responseWithoutQop(a.ha1("1001", REALM, "secret-1001"), c.nonce(), a.ha2("REGISTER", URI));
        DigestCredentials rfc2069 = new DigestCredentials(
                "1001", REALM, c.nonce(), URI, response, a, c.opaque(), Optional.empty());
        assertThat(server.verify("REGISTER", URI, rfc2069.toHeaderValue(), REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("qop=auth required"));
    }

    @Test
    void wrongOpaqueIsInvalidButAMissingOneIsTolerated() {
        DigestChallenge c = server.challenges(REALM, PHONE, false).getFirst();
        DigestCredentials good = parsedCredentials(
                credentials("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256, c.nonce(), 1));
        DigestCredentials wrongOpaque = withOpaque(good, Optional.of("not-ours"));
        assertThat(server.verify("REGISTER", URI, wrongOpaque, REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("opaque does not match"));
        assertThat(server.verify("REGISTER", URI, withOpaque(good, Optional.empty()), REALM, PHONE, users))
                .isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void malformedHeadersAreMalformedNotExceptions() {
        assertThat(server.verify("REGISTER", URI, "Digest username=\"1001", REALM, PHONE, users))
                .isInstanceOf(AuthResult.Malformed.class);
        assertThat(server.verify("REGISTER", URI, "", REALM, PHONE, users)).isInstanceOf(AuthResult.Malformed.class);
        assertThat(server.verify("REGISTER", URI, "Basic realm=\"x\"", REALM, PHONE, users))
                .isInstanceOf(AuthResult.Malformed.class);
        assertThat(server.verify("REGISTER", URI, "Digest username=\"1001\", realm=\"pbx.example\", nonce=\"%%%\", "
                        + "uri=\"sip:pbx.example\", response=\"" + "0".repeat(64) + "\", algorithm=SHA-256, qop=auth, "
                        + "nc=00000001, cnonce=\"c\"", REALM, PHONE, users))
                .isEqualTo(new AuthResult.Invalid("nonce is not base64url"));
    }

    @Test
    void nonceBoundToTheClientAddressIsInvalidFromAnotherAddress() {
        DigestAuthenticator bound = new DigestAuthenticator(
                SECRET, DigestServerSettings.defaults().withNonceBoundToClientAddress(true), clock);
        String authorization = answer(bound, "1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(bound.verify("REGISTER", URI, authorization, REALM, OTHER, users)).isInstanceOf(AuthResult.Invalid.class);
        assertThat(bound.verify("REGISTER", URI, authorization, REALM, PHONE, users)).isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void unboundNonceIsAcceptedFromAnotherAddress() {
        String authorization = answer("1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(server.verify("REGISTER", URI, authorization, REALM, OTHER, users)).isInstanceOf(AuthResult.Ok.class);
    }

    @Test
    void nonceWhoseCountHistoryWasEvictedIsStaleSoAReplayCannotSlipThrough() {
        DigestAuthenticator tiny = new DigestAuthenticator(
                SECRET, DigestServerSettings.defaults().withNonceCountCapacity(1), clock);
        String first = answer(tiny, "1001", "secret-1001", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(tiny.verify("REGISTER", URI, first, REALM, PHONE, users)).isInstanceOf(AuthResult.Ok.class);
        clock.advance(Duration.ofMillis(1));
        String second = answer(tiny, "1002", "secret-1002", "REGISTER", DigestAlgorithm.SHA_256);
        assertThat(tiny.verify("REGISTER", URI, second, REALM, PHONE, users)).isInstanceOf(AuthResult.Ok.class);
        assertThat(tiny.verify("REGISTER", URI, first, REALM, PHONE, users)).isEqualTo(new AuthResult.Stale());
    }

    @Test
    void clientAnswersItsOwnServer() {
        DigestClient client = new DigestClient("1002", new ClientSecret.Password("secret-1002"));
        ParseResult<DigestCredentials> answer =
                client.answer(server.challengeHeaderValues(REALM, PHONE, false), "INVITE", "sip:1001@pbx.example");
        DigestCredentials credentials = ((ParseResult.Parsed<DigestCredentials>) answer).value();
        assertThat(server.verify("INVITE", "sip:1001@pbx.example", credentials.toHeaderValue(), REALM, PHONE, users))
                .isEqualTo(new AuthResult.Ok("1002", DigestAlgorithm.SHA_256));
        DigestCredentials next = client.reuse("INVITE", "sip:1001@pbx.example").orElseThrow();
        assertThat(server.verify("INVITE", "sip:1001@pbx.example", next.toHeaderValue(), REALM, PHONE, users))
                .isInstanceOf(AuthResult.Ok.class);
    }

    private AuthResult verify(String authorization) {
        return server.verify("REGISTER", URI, authorization, REALM, PHONE, users);
    }

    private String answer(String user, String password, String method, DigestAlgorithm algorithm) {
        return answer(server, user, password, method, algorithm);
    }

    private String answer(
            DigestAuthenticator issuer, String user, String password, String method, DigestAlgorithm algorithm) {
        String nonce = issuer.challenges(REALM, PHONE, false).getFirst().nonce();
        return credentials(user, password, method, algorithm, nonce, 1);
    }

    /** Credentials computed by hand from the RFC formulas, independent of {@link DigestClient}. */
    private String credentials(
            String user, String password, String method, DigestAlgorithm a, String nonce, long count) {
        DigestCredentials.QopAuth qop = DigestCredentials.QopAuth.of("cn" + count, count);
        String response = a.response(
                a.ha1(user, REALM, password), nonce, qop.nc(), qop.cnonce(), "auth", a.ha2(method, URI));
        String opaque = server.challenges(REALM, PHONE, false).getFirst().opaque().orElseThrow();
        return new DigestCredentials(user, REALM, nonce, URI, response, a, Optional.of(opaque), Optional.of(qop))
                .toHeaderValue();
    }

    private static DigestCredentials parsedCredentials(String value) {
        return ((ParseResult.Parsed<DigestCredentials>) DigestCredentials.parse(value)).value();
    }

    private static DigestCredentials withOpaque(DigestCredentials c, Optional<String> opaque) {
        return new DigestCredentials(
                c.username(), c.realm(), c.nonce(), c.uri(), c.response(), c.algorithm(), opaque, c.qopAuth());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
