package org.switchboard.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    // RFC 7616 §3.9.1 (password with a lower-case "of", erratum 4495).
    private static final String RFC7616_NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private static final String RFC7616_CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void rfc7616Md5ExampleGivesThePublishedResponse() {
        assertThat(rfc7616Response(DigestAlgorithm.MD5)).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616Sha256ExampleGivesThePublishedResponse() {
        assertThat(rfc7616Response(DigestAlgorithm.SHA_256))
                .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
    }

    @Test
    void rfc2617Md5ExampleGivesThePublishedResponse() {
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = md5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String response = md5.response(
                ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth",
                md5.ha2("GET", "/dir/index.html"));
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void rfc2069ResponseOmitsNonceCountAndCnonce() {
        DigestAlgorithm md5 = DigestAlgorithm.MD5;
        String ha1 = md5.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = md5.ha2("GET", "/dir/index.html");
        assertThat(md5.responseWithoutQop(ha1, "n", ha2)).isEqualTo(md5.hashHex(ha1 + ":n:" + ha2));
    }

    @Test
    void sha512_256IsTheTruncatedFipsVariantNotATruncatedSha512() {
        // FIPS 180-4 example "abc"; a truncated SHA-512 would start ddaf35a1.
        assertThat(DigestAlgorithm.SHA_512_256.hashHex("abc"))
                .isEqualTo("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    }

    @Test
    void hexLengthMatchesTheHashOutput() {
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            assertThat(a.hashHex("x")).as(a.token()).hasSize(a.hexLength());
        }
    }

    @Test
    void tokensParseCaseInsensitivelyAndAbsentMeansMd5() {
        assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).contains(DigestAlgorithm.SHA_512_256);
        assertThat(DigestAlgorithm.fromToken("")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("MD5-sess")).isEmpty();
    }

    private static String rfc7616Response(DigestAlgorithm a) {
        String ha1 = a.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
        return a.response(ha1, RFC7616_NONCE, "00000001", RFC7616_CNONCE, "auth", a.ha2("GET", "/dir/index.html"));
    }
}
