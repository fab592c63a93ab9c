package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHeaderValueTest {

    @Test
    void parsesTokensAndQuotedStringsInOrder() {
        AuthHeaderValue h = parsed("Digest realm=\"atlanta.com\", algorithm=SHA-256, qop=\"auth\"");
        assertThat(h.isDigest()).isTrue();
        assertThat(h.params())
                .containsExactly(
                        AuthParam.quoted("realm", "atlanta.com"),
                        AuthParam.token("algorithm", "SHA-256"),
                        AuthParam.quoted("qop", "auth"));
    }

    @Test
    void schemeAndParameterNamesAreCaseInsensitive() {
        AuthHeaderValue h = parsed("DIGEST Realm=\"a\"");
        assertThat(h.isDigest()).isTrue();
        assertThat(h.get("REALM")).contains("a");
    }

    @Test
    void quotedPairsAreUnescaped() {
        assertThat(parsed("Digest username=\"a\\\"b\\\\c\"").get("username")).contains("a\"b\\c");
    }

    @Test
    void commasAndEqualsInsideQuotesDoNotSplit() {
        assertThat(parsed("Digest qop=\"auth,auth-int\", uri=\"sip:a=b@c\"").get("qop")).contains("auth,auth-int");
    }

    @Test
    void linearWhitespaceAroundSeparatorsAndEmptyListElementsAreAccepted() {
        AuthHeaderValue h = parsed("  Digest \t realm = \"r\" ,\r\n  , nonce=\"n\" ,");
        assertThat(h.get("realm")).contains("r");
        assertThat(h.get("nonce")).contains("n");
    }

    @Test
    void utf8UsernamesSurviveInsideQuotes() {
        assertThat(parsed("Digest username=\"J\u00e4s\u00f8n Doe\"").get("username")).contains("J\u00e4s\u00f8n Doe");
    }

    @Test
    void serializeEscapesQuotesAndBackslashes() {
        AuthHeaderValue h = new AuthHeaderValue("Digest", List.of(AuthParam.quoted("username", "a\"b\\c")));
        assertThat(h.serialize()).isEqualTo("Digest username=\"a\\\"b\\\\c\"");
    }

    @Test
    void aHeaderBuiltWithOneParameterNameTwiceIsRefused() {
        assertThatThrownBy(() -> new AuthHeaderValue("Digest", List.of(AuthParam.quoted("realm", "a"),
                AuthParam.token("algorithm", "MD5"), AuthParam.quoted("REALM", "b"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter appears twice: realm");
    }

    @Test
    void malformedInputIsATypedFailureNamingTheFault() {
        assertFails(null, "scheme");
        assertFails("", "scheme");
        assertFails("Digest", "without parameters");
        assertFails("Digest realm", "has no '='");
        assertFails("Digest realm=", "has no value");
        assertFails("Digest realm=\"abc", "unterminated");
        assertFails("Digest realm=\"abc\\", "unterminated");
        assertFails("Digest realm=\"a\", REALM=\"b\"", "appears twice");
        assertFails("Digest realm=\"a\" nonce=\"b\"", "expected ','");
        assertFails("Digest realm=\"a\u0000b\"", "control character");
        assertFails("Digest realm=\"a\\\nb\"", "control character");
        assertFails("Digest=realm", "whitespace");
        assertFails("Digest " + manyParams(33), "more than 32");
        assertFails("Digest realm=\"" + "x".repeat(9000) + "\"", "longer than");
        assertFails("Digest =x", "parameter name");
    }

    @Test
    void constructorRefusesValuesThatCannotBeWritten() {
        assertThatThrownBy(() -> AuthParam.token("nonce", "has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuthParam.quoted("nonce", "line\r\nbreak"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthHeaderValue("Digest", List.of(AuthParam.token("a", "1"), AuthParam.token("A", "2"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thirtyTwoParametersAreStillAccepted() {
        assertThat(parsed("Digest " + manyParams(32)).params()).hasSize(32);
    }

    private static String manyParams(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append("p").append(i).append("=v,");
        }
        return s.toString();
    }

    private static AuthHeaderValue parsed(String text) {
        ParseResult<AuthHeaderValue> r = AuthHeaderValue.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<AuthHeaderValue>) r).value();
    }

    private static void assertFails(String text, String reasonPart) {
        ParseResult<AuthHeaderValue> r = AuthHeaderValue.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed<AuthHeaderValue>) r).reason()).as("reason for %s", text).contains(reasonPart);
    }
}
