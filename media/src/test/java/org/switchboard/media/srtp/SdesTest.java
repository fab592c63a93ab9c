package org.switchboard.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.sdp.CryptoAttribute;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.SdpParser;

class SdesTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void answersTheFirstUsableOfferedLineWithItsTagAndOurKey() {
        SrtpMasterKey peer = SrtpMasterKey.generate(random);
        String usable = Sdes.offer(3, SrtpSuite.AES_CM_128_HMAC_SHA1_32, peer).toAttributeValue();
        MediaDescription offer = stream(
                "1 AES_256_CM_HMAC_SHA1_80 inline:" + "A".repeat(62) + "==", // suite not implemented
                "2 AES_CM_128_HMAC_SHA1_80 inline:" + "A".repeat(40) + " UNENCRYPTED_SRTP", // parameter not honoured
                "9 AES_CM_128_HMAC_SHA1_80 inline:%%%", // malformed
                usable);

        Sdes.Choice choice = Sdes.chooseFromOffer(offer).orElseThrow();

        assertThat(choice.line().tag()).isEqualTo(3);
        assertThat(choice.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(choice.peerKey()).isEqualTo(peer);
        SrtpMasterKey ours = SrtpMasterKey.generate(random);
        CryptoAttribute answer = Sdes.answer(choice, ours);
        assertThat(answer.toAttributeValue()).startsWith("3 AES_CM_128_HMAC_SHA1_32 inline:");
        assertThat(Sdes.masterKey(answer.keys().get(0))).isEqualTo(ours);
    }

    @Test
    void readsTheAnswerToOurOfferOnlyWhenItMatchesAnOfferedTagAndSuite() {
        List<CryptoAttribute> offered = List.of(
                Sdes.offer(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpMasterKey.generate(random)),
                Sdes.offer(2, SrtpSuite.AES_CM_128_HMAC_SHA1_32, SrtpMasterKey.generate(random)));
        SrtpMasterKey peer = SrtpMasterKey.generate(random);

        assertThat(Sdes.fromAnswer(stream(Sdes.offer(2, SrtpSuite.AES_CM_128_HMAC_SHA1_32, peer).toAttributeValue()),
                offered)).get().extracting(Sdes.Choice::peerKey).isEqualTo(peer);
        assertThat(Sdes.fromAnswer(stream(Sdes.offer(2, SrtpSuite.AES_CM_128_HMAC_SHA1_80, peer).toAttributeValue()),
                offered)).isEmpty();
        assertThat(Sdes.fromAnswer(stream(Sdes.offer(7, SrtpSuite.AES_CM_128_HMAC_SHA1_80, peer).toAttributeValue()),
                offered)).isEmpty();
    }

    @Test
    void carriesLifetimeAndMkiIntoTheMasterKeyAndBack() {
        SrtpMasterKey key = SrtpMasterKey.of(SrtpMasterKey.generate(random).keyAndSalt(), 1L << 20, new byte[] {0, 0, 1, 2});
        CryptoAttribute line = Sdes.offer(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, key);

        assertThat(line.toAttributeValue()).endsWith("|2^20|258:4");
        assertThat(Sdes.masterKey(CryptoAttribute.parse(line.toAttributeValue()).keys().get(0))).isEqualTo(key);
    }

    private static MediaDescription stream(String... cryptos) {
        StringBuilder body = new StringBuilder(
                "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/SAVP 0\r\n");
        for (String c : cryptos) {
            body.append("a=crypto:").append(c).append("\r\n");
        }
        return SdpParser.parse(body.toString()).media().get(0);
    }
}
