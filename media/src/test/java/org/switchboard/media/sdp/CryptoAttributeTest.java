package org.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CryptoAttributeTest {
    private static final String KEY = "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz";

    @Test
    void readsTheRfc4568ExampleWithLifetimeAndMki() {
        CryptoAttribute c = CryptoAttribute.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4");

        assertThat(c.tag()).isEqualTo(1);
        assertThat(c.suite()).isEqualTo("AES_CM_128_HMAC_SHA1_80");
        CryptoAttribute.KeyParameter key = c.keys().get(0);
        assertThat(key.keyAndSalt()).hasSize(30);
        assertThat(key.lifetime()).hasValue(1L << 20);
        assertThat(key.mkiValue()).hasValue(1);
        assertThat(HexFormat.of().formatHex(key.mkiBytes())).isEqualTo("00000001");
        assertThat(c.toAttributeValue()).isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4");
    }

    @Test
    void readsAPlainKeyAnMkiWithoutLifetimeAndSessionParameters() {
        CryptoAttribute plain = CryptoAttribute.parse("2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY);
        assertThat(plain.keys().get(0).lifetime()).isEmpty();
        assertThat(plain.keys().get(0).mkiLength()).isZero();

        CryptoAttribute mkiOnly = CryptoAttribute.parse("3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|7:2 KDR=0  UNENCRYPTED_SRTCP");
        assertThat(mkiOnly.keys().get(0).lifetime()).isEmpty();
        assertThat(mkiOnly.keys().get(0).mkiBytes()).containsExactly(0, 7);
        assertThat(mkiOnly.sessionParameters()).containsExactly("KDR=0", "UNENCRYPTED_SRTCP");

        CryptoAttribute decimal = CryptoAttribute.parse("4 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1000");
        assertThat(decimal.keys().get(0).lifetime()).hasValue(1000);
        assertThat(decimal.toAttributeValue()).endsWith("|1000");
    }

    @Test
    void roundTripsThroughAnSdpBody() {
        CryptoAttribute c = CryptoAttribute.of(5, "AES_CM_128_HMAC_SHA1_80", new CryptoAttribute.KeyParameter(
                new byte[30], OptionalLong.empty(), OptionalLong.empty(), 0));
        String body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/SAVP 0\r\na=" + c.toAttribute().name() + ":" + c.toAttributeValue() + "\r\n";

        MediaDescription m = SdpParser.parse(body).media().get(0);

        assertThat(m.protocol()).isEqualTo(MediaDescription.RTP_SAVP);
        assertThat(m.cryptos()).containsExactly(c);
    }

    @Test
    void refusesMalformedLinesWithoutQuotingTheKey() {
        for (String bad : List.of(
                "1 AES_CM_128_HMAC_SHA1_80",
                "x AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
                "1 AES-CM inline:" + KEY,
                "1 AES_CM_128_HMAC_SHA1_80 uri:https://example.com/key",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "!",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4|9",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:0",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:129",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^99",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|2^20",
                "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " FEC\u0000ORDER")) {
            assertThatThrownBy(() -> CryptoAttribute.parse(bad)).as(bad)
                    .isInstanceOf(SdpParseException.class)
                    .message().doesNotContain(KEY);
        }
    }
}
