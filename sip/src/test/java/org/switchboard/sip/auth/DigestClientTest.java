package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestClientTest {

    private static final String RFC7616_MD5_CHALLENGE = """
            Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, \
            nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""";
    private static final String RFC7616_SHA256_CHALLENGE = RFC7616_MD5_CHALLENGE.replace("MD5", "SHA-256");
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    private final Deque<String> cnonces = new ArrayDeque<>(List.of(RFC7616_CNONCE, "c2", "c3", "c4"));
    private final DigestClient mufasa =
            new DigestClient("Mufasa", new ClientSecret.Password("Circle of Life"), cnonces::removeFirst);

    @Test
    void answersTheRfc7616Sha256ExampleWithThePublishedResponse() {
        DigestCredentials c = answered(mufasa.answer(List.of(RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html"));
        assertThat(c.response()).isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(c.qopAuth()).contains(new DigestCredentials.QopAuth(RFC7616_CNONCE, "00000001"));
        assertThat(c.opaque()).contains("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
    }

    @Test
    void picksSha256WhenMd5IsOfferedFirst() {
        DigestCredentials c = answered(mufasa.answer(
                List.of(RFC7616_MD5_CHALLENGE, RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html"));
        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
    }

    @Test
    void answersMd5WhenThatIsAllThatIsOffered() {
        DigestCredentials c = answered(mufasa.answer(List.of(RFC7616_MD5_CHALLENGE), "GET", "/dir/index.html"));
        assertThat(c.response()).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void sameNonceChallengedAgainContinuesTheNonceCount() {
        mufasa.answer(List.of(RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html");
        DigestCredentials again = answered(mufasa.answer(List.of(RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html"));
        assertThat(again.qopAuth().orElseThrow().nc()).isEqualTo("00000002");
    }

    @Test
    void newNonceStartsTheNonceCountAgain() {
        mufasa.answer(List.of(RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html");
        mufasa.reuse("GET", "/dir/index.html");
        DigestCredentials fresh = answered(mufasa.answer(
                List.of(RFC7616_SHA256_CHALLENGE.replace("7ypf", "8ypf")), "GET", "/dir/index.html"));
        assertThat(fresh.qopAuth().orElseThrow().nc()).isEqualTo("00000001");
    }

    @Test
    void reuseSendsTheNextNonceCountWithAFreshCnonce() {
        mufasa.answer(List.of(RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html");
        DigestCredentials next = mufasa.reuse("GET", "/dir/other.html").orElseThrow();
        assertThat(next.qopAuth()).contains(new DigestCredentials.QopAuth("c2", "00000002"));
        assertThat(next.uri()).isEqualTo("/dir/other.html");
        DigestAlgorithm a = DigestAlgorithm.SHA_256;
        assertThat(next.response()).isEqualTo(a.response(
                a.ha1("Mufasa", "http-auth@example.org", "Circle of Life"),
                "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000002", "c2", "auth",
                a.ha2("GET", "/dir/other.html")));
    }

    @Test
    void nothingToReuseBeforeTheFirstChallenge() {
        assertThat(mufasa.reuse("GET", "/")).isEmpty();
    }

    @Test
    void qoplessChallengeGetsAnRfc2069Answer() {
        DigestClient client = new DigestClient("Mufasa", new ClientSecret.Password("Circle Of Life"), () -> "unused");
        DigestCredentials c = answered(client.answer(
                List.of("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\""),
                "GET", "/dir/index.html"));
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        assertThat(c.qopAuth()).isEmpty();
        assertThat(c.response()).isEqualTo(md5.responseWithoutQop(
                md5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life"),
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", md5.ha2("GET", "/dir/index.html")));
        assertThat(client.reuse("GET", "/dir/index.html")).isEmpty();
    }

    @Test
    void storedHa1AnswersOnlyItsOwnRealmAndAlgorithm() {
        String ha1 = DigestAlgorithm.MD5.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
        DigestClient client = new DigestClient(
                "Mufasa", new ClientSecret.Ha1("http-auth@example.org", DigestAlgorithm.MD5, ha1.toUpperCase()),
                () -> RFC7616_CNONCE);
        DigestCredentials c = answered(client.answer(
                List.of(RFC7616_SHA256_CHALLENGE, RFC7616_MD5_CHALLENGE), "GET", "/dir/index.html"));
        assertThat(c.response()).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
        assertThat(client.answer(List.of(RFC7616_SHA256_CHALLENGE), "GET", "/dir/index.html"))
                .isInstanceOf(ParseResult.Failed.class);
    }

    @Test
    void noAnswerableChallengeIsAFailureThatSaysWhy() {
        ParseResult<DigestCredentials> r = mufasa.answer(
                List.of("Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess",
                        "Digest realm=\"r\", nonce=\"n\", qop=\"auth-int\"",
                        "Digest realm=\"r"),
                "GET", "/");
        assertThat(((ParseResult.Failed<DigestCredentials>) r).reason())
                .contains("unsupported digest algorithm", "only qop [auth-int] offered", "unterminated");
        assertThat(mufasa.answer(List.of(), "GET", "/")).isEqualTo(ParseResult.failed("no challenge to answer"));
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(new ClientSecret.Password("Circle of Life").toString()).doesNotContain("Circle");
        assertThat(new ClientSecret.Ha1("r", DigestAlgorithm.MD5, "abcdef").toString()).doesNotContain("abcdef");
    }

    private static DigestCredentials answered(ParseResult<DigestCredentials> r) {
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<DigestCredentials>) r).value();
    }
}
