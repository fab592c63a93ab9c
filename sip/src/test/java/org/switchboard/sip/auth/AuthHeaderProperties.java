package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AuthHeaderProperties {

    private static final String TOKEN_CHARS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";
    private static final InetAddress CLIENT = InetAddress.getLoopbackAddress();

    private final DigestAuthenticator server = new DigestAuthenticator(
            "property-secret-property-secret!".getBytes(StandardCharsets.US_ASCII),
            DigestServerSettings.defaults(),
            new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));

    @Property
    void parseOfSerializeIsTheSameHeader(@ForAll("headers") AuthHeaderValue header) {
        String wire = header.serialize();
        assertThat(AuthHeaderValue.parse(wire)).isEqualTo(new ParseResult.Parsed<>(header));
        // Stable: serializing the parsed value writes the same text.
        assertThat(((ParseResult.Parsed<AuthHeaderValue>) AuthHeaderValue.parse(wire)).value().serialize())
                .isEqualTo(wire);
    }

    @Property
    void credentialsSurviveSerializeAndParse(@ForAll("credentials") DigestCredentials credentials) {
        assertThat(DigestCredentials.parse(credentials.toHeaderValue())).isEqualTo(new ParseResult.Parsed<>(credentials));
    }

    @Property(tries = 2000)
    void arbitraryTextNeverThrows(@ForAll("hostileText") String text) {
        AuthHeaderValue.parse(text);
        DigestChallenge.parse(text);
        DigestCredentials.parse(text);
        AuthResult result = server.verify("REGISTER", "sip:pbx.example", text, "pbx.example", CLIENT, (u, r, a) -> Optional.of("00"));
        assertThat(result).isNotInstanceOf(AuthResult.Ok.class);
    }

    @Property(tries = 2000)
    void mutatedValidCredentialsNeverThrowAndAreNeverAccepted(
            @ForAll("credentials") DigestCredentials credentials,
            @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll char replacement) {
        String wire = credentials.toHeaderValue();
        int at = position % wire.length();
        String mutated = wire.substring(0, at) + replacement + wire.substring(at + 1);
        AuthResult result = server.verify(
                "REGISTER", credentials.uri(), mutated, credentials.realm(), CLIENT, (u, r, a) -> Optional.of(a.ha1(u, r, "pw")));
        assertThat(result).isNotInstanceOf(AuthResult.Ok.class);
    }

    @Provide
    Arbitrary<AuthHeaderValue> headers() {
        Arbitrary<String> scheme = tokens();
        Arbitrary<List<AuthParam>> params = params().list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(AuthParam::name);
        return Combinators.combine(scheme, params).as(AuthHeaderValue::new);
    }

    @Provide
    Arbitrary<DigestCredentials> credentials() {
        Arbitrary<DigestAlgorithm> algorithm = Arbitraries.of(DigestAlgorithm.class);
        Arbitrary<Optional<DigestCredentials.QopAuth>> qop = Combinators.combine(
                        quotable().filter(c -> !c.isEmpty()), Arbitraries.longs().between(1, 0xFFFF_FFFFL))
                .as(DigestCredentials.QopAuth::of)
                .optional();
        // 64 hex digits, cut to the algorithm's length: a combine is far cheaper to generate than a flatMap.
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
        return Combinators.combine(
                        quotable(), quotable(), quotable(), quotable(), algorithm, quotable().optional(), qop, hex)
                .as((user, realm, nonce, uri, a, opaque, q, digits) -> new DigestCredentials(
                        user, realm, nonce, uri, digits.substring(0, a.hexLength()), a, opaque, q));
    }

    @Provide
    Arbitrary<String> hostileText() {
        Arbitrary<String> fragments = Arbitraries.oneOf(
                Arbitraries.of("Digest ", "digest", "=", "\"", "\\", ",", " ", "\t", "\r\n", "username", "realm",
                        "nonce", "response", "qop=auth", "nc=", "00000001", "cnonce", "algorithm=SHA-256", "uri"),
                Arbitraries.strings().ofMaxLength(6));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                fragments.list().ofMaxSize(40).map(l -> String.join("", l)));
    }

    private Arbitrary<AuthParam> params() {
        Arbitrary<AuthParam> token = Combinators.combine(tokens(), tokens()).as(AuthParam::token);
        Arbitrary<AuthParam> quoted = Combinators.combine(tokens(), quotable()).as(AuthParam::quoted);
        return Arbitraries.oneOf(token, quoted);
    }

    private static Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars(TOKEN_CHARS).ofMinLength(1).ofMaxLength(12);
    }

    /** Any text a quoted-string can carry, weighted towards the characters that need escapes. */
    private static Arbitrary<String> quotable() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('"', '\\', '\t', ',', '=', '\u00e4', '\u20ac')));
        return chars.list().ofMaxSize(20).map(l -> l.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
