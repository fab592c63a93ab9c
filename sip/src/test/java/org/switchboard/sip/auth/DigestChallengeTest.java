package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    @Test
    void parsesTheRfc7616Challenge() {
        DigestChallenge c = parsed("""
                Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, \
                nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", \
                opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""");
        assertThat(c.realm()).isEqualTo("http-auth@example.org");
        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(c.qopOptions()).containsExactly("auth", "auth-int");
        assertThat(c.offersQopAuth()).isTrue();
        assertThat(c.stale()).isFalse();
    }

    @Test
    void serializesWithQuotedQopAndTokenAlgorithmAndParsesBack() {
        DigestChallenge c = new DigestChallenge(
                "pbx.example", "abc", Optional.of("op"), DigestAlgorithm.SHA_256, List.of("auth"), true);
        assertThat(c.toHeaderValue())
                .isEqualTo("Digest realm=\"pbx.example\", nonce=\"abc\", opaque=\"op\", algorithm=SHA-256, "
                        + "qop=\"auth\", stale=true");
        assertThat(parsed(c.toHeaderValue())).isEqualTo(c);
    }

    @Test
    void staleIsCaseInsensitiveAndQoplessChallengesAreRfc2069Style() {
        DigestChallenge c = parsed("Digest realm=\"r\", nonce=\"n\", stale=TRUE");
        assertThat(c.stale()).isTrue();
        assertThat(c.qopOptions()).isEmpty();
        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.MD5);
    }

    @Test
    void incompleteOrUnsupportedChallengesAreTypedFailures() {
        assertFails("Digest nonce=\"n\"", "without realm");
        assertFails("Digest realm=\"r\"", "without nonce");
        assertFails("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256-sess", "unsupported digest algorithm");
        assertFails("Bearer realm=\"r\"", "not Digest");
        assertFails("Digest realm=\"r", "unterminated");
    }

    private static DigestChallenge parsed(String text) {
        ParseResult<DigestChallenge> r = DigestChallenge.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<DigestChallenge>) r).value();
    }

    private static void assertFails(String text, String reasonPart) {
        ParseResult<DigestChallenge> r = DigestChallenge.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed<DigestChallenge>) r).reason()).as("reason for %s", text).contains(reasonPart);
    }
}
