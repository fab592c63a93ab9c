package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestCredentialsTest {

    private static final String RFC7616_SHA256_AUTHORIZATION = """
            Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", \
            algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, \
            cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, \
            response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", \
            opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"""";

    @Test
    void parsesTheRfc7616Sha256Authorization() {
        DigestCredentials c = parsed(RFC7616_SHA256_AUTHORIZATION);
        assertThat(c.username()).isEqualTo("Mufasa");
        assertThat(c.realm()).isEqualTo("http-auth@example.org");
        assertThat(c.uri()).isEqualTo("/dir/index.html");
        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
        assertThat(c.opaque()).contains("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS");
        assertThat(c.qopAuth()).contains(new DigestCredentials.QopAuth("f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "00000001"));
    }

    @Test
    void onlyTheDigestSchemeInAnyCaseIsTakenForDigestCredentials() {
        assertThat(DigestCredentials.isDigestScheme(RFC7616_SHA256_AUTHORIZATION)).isTrue();
        assertThat(DigestCredentials.isDigestScheme("  dIgEsT\tusername=\"a\"")).isTrue();
        assertThat(DigestCredentials.isDigestScheme("NoOneKnowsThisScheme opaque-data=here")).isFalse();
        assertThat(DigestCredentials.isDigestScheme("Digestive username=\"a\"")).isFalse();
        assertThat(DigestCredentials.isDigestScheme("Digest")).isFalse();
    }

    @Test
    void serializedCredentialsParseBackToTheSameValue() {
        DigestCredentials c = parsed(RFC7616_SHA256_AUTHORIZATION);
        assertThat(parsed(c.toHeaderValue())).isEqualTo(c);
        assertThat(c.toHeaderValue()).contains("qop=auth, nc=00000001, cnonce=\"");
    }

    @Test
    void absentAlgorithmMeansMd5() {
        DigestCredentials c = parsed("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\""
                + "0".repeat(32) + "\"");
        assertThat(c.algorithm()).isEqualTo(DigestAlgorithm.MD5);
        assertThat(c.qopAuth()).isEmpty();
    }

    @Test
    void nonceCountKeepsTheHexTextTheClientHashed() {
        DigestCredentials.QopAuth q = new DigestCredentials.QopAuth("c", "0000000A");
        assertThat(q.nonceCount()).isEqualTo(10);
        assertThat(q.nc()).isEqualTo("0000000A");
        assertThat(DigestCredentials.QopAuth.of("c", 10).nc()).isEqualTo("0000000a");
    }

    @Test
    void toStringLeavesOutTheResponse() {
        assertThat(parsed(RFC7616_SHA256_AUTHORIZATION).toString()).doesNotContain("753927fa");
    }

    @Test
    void incompleteOrUnsupportedCredentialsAreTypedFailures() {
        String base = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", ";
        String md5Response = "response=\"" + "a".repeat(32) + "\"";
        assertFails("Basic dXNlcjpwYXNz=", "has no value"); // token68 form is not an auth-param list
        assertFails("Basic realm=\"r\"", "not Digest");
        assertFails("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", "without username");
        assertFails(base.replace("uri=\"sip:r\", ", "") + md5Response, "without uri");
        assertFails(base + md5Response + ", algorithm=MD5-sess", "unsupported digest algorithm");
        assertFails(base + "response=\"abc\"", "not a MD5 hex digest");
        assertFails(base + "response=\"" + "g".repeat(32) + "\"", "not a MD5 hex digest");
        assertFails(base + "algorithm=SHA-256, " + md5Response, "not a SHA-256 hex digest");
        assertFails(base + md5Response + ", qop=auth-int, nc=00000001, cnonce=\"c\"", "unsupported qop");
        assertFails(base + md5Response + ", qop=auth, cnonce=\"c\"", "without nc");
        assertFails(base + md5Response + ", qop=auth, nc=00000001", "without cnonce");
        assertFails(base + md5Response + ", qop=auth, nc=1, cnonce=\"c\"", "eight hex digits");
        assertFails(base + md5Response + ", qop=auth, nc=00000000, cnonce=\"c\"", "above zero");
        assertFails(base + md5Response + ", qop=auth, nc=0000000g, cnonce=\"c\"", "eight hex digits");
        assertFails(base + md5Response + ", nc=00000001", "without qop");
        assertFails(base + md5Response + ", userhash=true", "userhash");
    }

    private static DigestCredentials parsed(String text) {
        ParseResult<DigestCredentials> r = DigestCredentials.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed<DigestCredentials>) r).value();
    }

    private static void assertFails(String text, String reasonPart) {
        ParseResult<DigestCredentials> r = DigestCredentials.parse(text);
        assertThat(r).as("parse of %s", text).isInstanceOf(ParseResult.Failed.class);
        assertThat(((ParseResult.Failed<DigestCredentials>) r).reason()).as("reason for %s", text).contains(reasonPart);
    }

}
