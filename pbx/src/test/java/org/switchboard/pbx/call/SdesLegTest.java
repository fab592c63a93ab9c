package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.rtp.SrtpKeys;
import org.switchboard.media.sdp.CryptoAttribute;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;
import org.switchboard.store.callsettings.MediaEncryption;

class SdesLegTest {
    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[30]);
    private static final String KEY_2 = Base64.getEncoder().encodeToString(filled(30, 7));

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    private static SessionDescription sdp(String profile, String... attributes) {
        StringBuilder s = new StringBuilder("""
                v=0
                o=- 1 1 IN IP4 10.0.0.5
                s=-
                c=IN IP4 10.0.0.5
                t=0 0
                m=audio 4000 %s 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                """.formatted(profile));
        for (String a : attributes) {
            s.append("a=").append(a).append('\n');
        }
        return SdpParser.parse(s.toString());
    }

    private static String crypto(int tag, String suite, String key) {
        return "crypto:" + tag + " " + suite + " inline:" + key;
    }

    private static MediaDescription audio(SessionDescription d) {
        return d.media().get(0);
    }

    @Test
    void aPhonesSavpOfferIsSeenPlainAndAnsweredWithThePbxKeyUnderItsTagAndSuite() {
        SdesLeg leg = new SdesLeg(MediaEncryption.OFFER, 0);
        SessionDescription plain = leg.fromPhone(sdp("RTP/SAVP",
                crypto(3, "AES_CM_128_HMAC_SHA1_32", KEY_1), crypto(4, "AES_CM_128_HMAC_SHA1_80", KEY_2)));

        assertThat(audio(plain).protocol()).isEqualTo(MediaDescription.RTP_AVP);
        assertThat(audio(plain).cryptos()).isEmpty();
        assertThat(leg.unmet()).isEmpty();
        SrtpKeys keys = leg.keys().orElseThrow();
        assertThat(keys.suite().sdesName()).as("the offerer's first usable line").isEqualTo("AES_CM_128_HMAC_SHA1_32");

        SessionDescription answer = leg.toPhone(sdp("RTP/AVP"));
        assertThat(audio(answer).protocol()).isEqualTo(MediaDescription.RTP_SAVP);
        List<CryptoAttribute> lines = audio(answer).cryptos();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().tag()).isEqualTo(3);
        assertThat(lines.getFirst().suite()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
        assertThat(lines.getFirst().keys().getFirst().keyAndSalt()).isEqualTo(keys.localKey().keyAndSalt());
    }

    @Test
    void thePbxKeyStaysTheSameAcrossRenegotiationsAndANewPhoneKeyIsLearnt() {
        SdesLeg leg = new SdesLeg(MediaEncryption.OFFER, 0);
        leg.fromPhone(sdp("RTP/SAVP", crypto(1, "AES_CM_128_HMAC_SHA1_80", KEY_1)));
        SrtpKeys first = leg.keys().orElseThrow();
        String firstAnswer = leg.toPhone(sdp("RTP/AVP")).toSdp();

        leg.fromPhone(sdp("RTP/SAVP", crypto(1, "AES_CM_128_HMAC_SHA1_80", KEY_2)));
        SrtpKeys second = leg.keys().orElseThrow();

        assertThat(second.localKey()).isEqualTo(first.localKey());
        assertThat(second.peerKey()).isNotEqualTo(first.peerKey());
        assertThat(leg.toPhone(sdp("RTP/AVP")).toSdp()).isEqualTo(firstAnswer);
    }

    @Test
    void thePbxOffersBestEffortSrtpByDefaultAndAPlainAnswerKeepsTheLegPlain() {
        SdesLeg leg = new SdesLeg(MediaEncryption.OFFER, 0);
        SessionDescription offer = leg.toPhone(sdp("RTP/AVP"));
        assertThat(audio(offer).protocol()).isEqualTo(MediaDescription.RTP_AVP);
        assertThat(audio(offer).cryptos()).hasSize(1);

        leg.fromPhone(sdp("RTP/AVP"));
        assertThat(leg.unmet()).isEmpty();
        assertThat(leg.keys()).isEmpty();
        assertThat(audio(leg.toPhone(sdp("RTP/AVP"))).cryptos()).as("a plain leg stays plain").isEmpty();
    }

    @Test
    void aBestEffortOfferTakenUpMakesTheLegSecureUnderTheOfferedLine() {
        SdesLeg leg = new SdesLeg(MediaEncryption.OFFER, 0);
        CryptoAttribute offered = audio(leg.toPhone(sdp("RTP/AVP"))).cryptos().getFirst();

        leg.fromPhone(sdp("RTP/AVP", crypto((int) offered.tag(), offered.suite(), KEY_2)));

        assertThat(leg.keys()).isPresent();
        assertThat(audio(leg.toPhone(sdp("RTP/AVP"))).protocol()).as("best effort keeps RTP/AVP").isEqualTo("RTP/AVP");
    }

    @Test
    void requireOffersSavpAndRefusesAPlainAnswerOrOffer() {
        SdesLeg leg = new SdesLeg(MediaEncryption.REQUIRE, 0);
        assertThat(audio(leg.toPhone(sdp("RTP/AVP"))).protocol()).isEqualTo(MediaDescription.RTP_SAVP);
        leg.fromPhone(sdp("RTP/AVP"));
        assertThat(leg.unmet()).hasValueSatisfying(reason -> assertThat(reason).contains("required"));

        assertThat(SdesLeg.refusal(sdp("RTP/AVP"), 0, MediaEncryption.REQUIRE)).isPresent();
        assertThat(SdesLeg.refusal(sdp("RTP/SAVP", crypto(1, "AES_CM_128_HMAC_SHA1_80", KEY_1)), 0,
                MediaEncryption.REQUIRE)).isEmpty();
    }

    @Test
    void refuseTurnsDownSavpAndIgnoresBestEffortCrypto() {
        assertThat(SdesLeg.refusal(sdp("RTP/SAVP", crypto(1, "AES_CM_128_HMAC_SHA1_80", KEY_1)), 0,
                MediaEncryption.REFUSE)).hasValueSatisfying(reason -> assertThat(reason).contains("refused"));

        SdesLeg leg = new SdesLeg(MediaEncryption.REFUSE, 0);
        leg.fromPhone(sdp("RTP/AVP", crypto(1, "AES_CM_128_HMAC_SHA1_80", KEY_1)));
        assertThat(leg.unmet()).isEmpty();
        assertThat(leg.keys()).isEmpty();
        assertThat(audio(leg.toPhone(sdp("RTP/AVP"))).cryptos()).isEmpty();
    }

    @Test
    void aSavpOfferWithoutAUsableSuiteIsRefusedWhateverThePolicy() {
        assertThat(SdesLeg.refusal(sdp("RTP/SAVP", crypto(1, "AEAD_AES_256_GCM", KEY_1)), 0, MediaEncryption.OFFER))
                .hasValueSatisfying(reason -> assertThat(reason).contains("crypto suite"));
    }
}
