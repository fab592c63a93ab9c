package org.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SdpParserTest {
    @Test
    void parsesATypicalPhoneOffer() {
        SessionDescription sdp = SdpParser.parse(SdpExamples.PHONE_OFFER);

        assertThat(sdp.origin().username()).isEqualTo("alice");
        assertThat(sdp.origin().sessionVersion()).isEqualTo("2890844526");
        assertThat(sdp.connection()).contains(new Connection("IN", "IP4", "192.168.1.20"));
        assertThat(sdp.fields()).containsExactly(new SdpField('t', "0 0"));
        assertThat(sdp.media()).hasSize(2);
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.formats()).containsExactly("9", "0", "8", "101");
        assertThat(audio.codecs()).containsExactly(Codec.G722, Codec.PCMU, Codec.PCMA);
        assertThat(audio.rtpMap("101")).contains(new RtpMap(101, "telephone-event", 8000, 1));
        assertThat(audio.fmtp(101)).contains("0-16");
        assertThat(audio.ptimeMs()).hasValue(20);
        assertThat(sdp.directionOf(audio)).isEqualTo(Direction.SENDRECV);
        assertThat(sdp.media().get(1).media()).isEqualTo("video");
    }

    @Test
    void staticPayloadTypesWithoutRtpmapResolveFromRfc3551() {
        MediaDescription audio = SdpParser.parse(SdpExamples.OLD_HOLD_OFFER).media().getFirst();
        assertThat(audio.rtpMaps()).containsExactly(new RtpMap(0, "PCMU", 8000, 1));
    }

    @Test
    void oldHoldAddressMeansTheOffererDoesNotReceive() {
        SessionDescription sdp = SdpParser.parse(SdpExamples.OLD_HOLD_OFFER);
        MediaDescription audio = sdp.media().getFirst();
        assertThat(sdp.connectionOf(audio).orElseThrow().isHold()).isTrue();
        assertThat(sdp.effectiveDirectionOf(audio)).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void mediaDirectionOverridesSessionDirection() {
        SessionDescription sdp = SdpParser.parse(
                "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\na=sendonly\nm=audio 1 RTP/AVP 0\na=inactive\nm=audio 2 RTP/AVP 0\n");
        assertThat(sdp.directionOf(sdp.media().get(0))).isEqualTo(Direction.INACTIVE);
        assertThat(sdp.directionOf(sdp.media().get(1))).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void readsTheRfc3605RtcpAttribute() {
        MediaDescription audio = SdpParser.parse(
                        "v=0\no=- 1 1 IN IP4 h\ns=-\nt=0 0\nm=audio 5000 RTP/AVP 0\na=rtcp:5003 IN IP4 10.1.1.1\n")
                .media()
                .getFirst();
        assertThat(audio.rtcp())
                .contains(new RtcpAttribute(5003, Optional.of(new Connection("IN", "IP4", "10.1.1.1"))));
    }

    @Test
    void serializesWithCrlfInRfcOrder() {
        SessionDescription sdp = new SessionDescription(
                new Origin("-", "1", "2", "IN", "IP4", "10.0.0.1"),
                "-",
                Optional.of(Connection.internet("10.0.0.1")),
                List.of(new SdpField('t', "0 0"), new SdpField('i', "info")),
                List.of(),
                List.of(new MediaDescription(
                        "audio", 4000, 1, "RTP/AVP", List.of("0"), Optional.empty(), List.of(),
                        List.of(Attribute.flag("sendrecv")))));
        assertThat(sdp.toSdp())
                .isEqualTo("v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\ni=info\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\n"
                        + "m=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n");
    }

    @Test
    void reparsingTheSerializedOfferGivesTheSameModel() {
        SessionDescription sdp = SdpParser.parse(SdpExamples.PHONE_OFFER);
        assertThat(SdpParser.parse(sdp.toSdp())).isEqualTo(sdp);
        assertThat(sdp.toSdp()).isEqualTo(SdpExamples.PHONE_OFFER);
    }

    @Test
    void rejectsMissingVersionLine() {
        assertThatThrownBy(() -> SdpParser.parse("o=- 1 1 IN IP4 h\ns=-\n"))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("expected 'v='");
    }

    @Test
    void rejectsAShortOriginLine() {
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 IN IP4 h\ns=-\n"))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("o= needs 6 fields");
    }

    @Test
    void rejectsANonNumericPortNamingTheLine() {
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\ns=-\nm=audio x RTP/AVP 0\n"))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("line 4");
    }

    @Test
    void rejectsABrokenRtpmap() {
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\ns=-\nm=audio 1 RTP/AVP 96\na=rtpmap:96 opus\n"))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("rtpmap");
    }

    @Test
    void rejectsAnUnknownLineType() {
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\ns=-\nx=1\n"))
                .isInstanceOf(SdpParseException.class);
    }

    @Test
    void rejectsAPortAbove65535() {
        assertThatThrownBy(() -> SdpParser.parse("v=0\no=- 1 1 IN IP4 h\ns=-\nm=audio 70000 RTP/AVP 0\n"))
                .isInstanceOf(SdpParseException.class)
                .hasMessageContaining("port");
    }
}
