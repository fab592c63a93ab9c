package org.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdpAnchorTest {
    private static final MediaEndpoint RELAY = new MediaEndpoint("203.0.113.1", 30000);

    @Test
    void pointsTheAnchoredStreamAtTheRelayAndKeepsEverythingElse() {
        SessionDescription offer = SdpParser.parse(SdpExamples.PHONE_OFFER);
        SessionDescription anchored = SdpAnchor.anchor(offer, 0, RELAY);

        assertThat(anchored.connection()).contains(Connection.internet("203.0.113.1"));
        MediaDescription audio = anchored.media().getFirst();
        assertThat(audio.port()).isEqualTo(30000);
        assertThat(audio.formats()).isEqualTo(offer.media().getFirst().formats());
        assertThat(audio.attributes()).isEqualTo(offer.media().getFirst().attributes());
        assertThat(anchored.origin()).isEqualTo(offer.origin());
    }

    @Test
    void disablesStreamsTheRelayDoesNotCarry() {
        SessionDescription anchored = SdpAnchor.anchor(SdpParser.parse(SdpExamples.PHONE_OFFER), 0, RELAY);
        assertThat(anchored.media().get(1).port()).isZero();
    }

    @Test
    void keepsTheOldHoldAddress() {
        SessionDescription anchored = SdpAnchor.anchor(SdpParser.parse(SdpExamples.OLD_HOLD_OFFER), 0, RELAY);
        assertThat(anchored.connection().orElseThrow().isHold()).isTrue();
        assertThat(anchored.media().getFirst().port()).isEqualTo(30000);
    }

    @Test
    void rewritesMediaLevelConnectionAndRtcpAttribute() {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 5000 RTP/AVP 0\n"
                + "c=IN IP4 192.168.0.9\na=rtcp:5001 IN IP4 192.168.0.9\n");
        SessionDescription anchored = SdpAnchor.anchor(sdp, 0, RELAY);
        MediaDescription audio = anchored.media().getFirst();
        assertThat(anchored.connection()).isEmpty();
        assertThat(audio.connection()).contains(Connection.internet("203.0.113.1"));
        assertThat(audio.rtcp())
                .contains(new RtcpAttribute(30001, Optional.of(Connection.internet("203.0.113.1"))));
    }

    @Test
    void removesIceAndRtcpMuxSoMediaCannotBypassTheRelay() {
        SessionDescription sdp = SdpParser.parse("v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 192.168.0.9\nt=0 0\n"
                + "a=ice-lite\nm=audio 5000 RTP/AVP 0\na=ice-ufrag:abcd\na=ice-pwd:secretsecretsecretsecret\n"
                + "a=candidate:1 1 UDP 2130706431 192.168.0.9 5000 typ host\na=rtcp-mux\na=sendrecv\n");
        SessionDescription anchored = SdpAnchor.anchor(sdp, 0, RELAY);
        assertThat(anchored.attributes()).isEmpty();
        assertThat(anchored.media().getFirst().attributes()).containsExactly(Attribute.flag("sendrecv"));
    }
}
