package org.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpOffererTest {
    private static final Origin PBX = new Origin("switchboard", "7", "1", "IN", "IP4", "203.0.113.1");
    private static final MediaEndpoint RELAY = new MediaEndpoint("203.0.113.1", 20000);
    private static final SdpOfferer OFFERER = new SdpOfferer(SdpOfferer.DEFAULT_FORMATS);

    private static SessionDescription answer(String formatsAndMaps) {
        return SdpParser.parse("v=0\r\no=phone 1 1 IN IP4 192.0.2.5\r\ns=-\r\nc=IN IP4 192.0.2.5\r\nt=0 0\r\n"
                + formatsAndMaps);
    }

    @Test
    void offersG711BothLawsAndTelephoneEventOnTheRelay() {
        SessionDescription offer = SdpParser.parse(OFFERER.offer(PBX, RELAY).toSdp());
        MediaDescription audio = offer.media().getFirst();
        assertThat(offer.media()).hasSize(1);
        assertThat(offer.connection()).contains(Connection.internet("203.0.113.1"));
        assertThat(offer.origin()).isEqualTo(PBX);
        assertThat(audio.port()).isEqualTo(20000);
        assertThat(audio.protocol()).isEqualTo(MediaDescription.RTP_AVP);
        assertThat(audio.formats()).containsExactly("0", "8", "101");
        assertThat(audio.fmtp(101)).contains("0-15");
        assertThat(offer.effectiveDirectionOf(audio)).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void anAnswerKeepingOneOfferedCodecIsAcceptedWithTheFormatsItKept() {
        SessionDescription offer = OFFERER.offer(PBX, RELAY);
        AnswerResult result = SdpOfferer.check(offer, answer(
                "m=audio 4000 RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n"), 0);
        assertThat(result).isInstanceOf(AnswerResult.Answered.class);
        AnswerResult.Answered answered = (AnswerResult.Answered) result;
        assertThat(answered.codecs()).extracting(RtpMap::encodingName).containsExactly("PCMA", "telephone-event");
        assertThat(answered.direction()).isEqualTo(Direction.SENDONLY);
    }

    @Test
    void anAnswerWithOnlyCodecsNotOfferedIsRefused() {
        AnswerResult result = SdpOfferer.check(OFFERER.offer(PBX, RELAY), answer(
                "m=audio 4000 RTP/AVP 18 101\r\na=rtpmap:101 telephone-event/8000\r\n"), 0);
        assertThat(result).isInstanceOf(AnswerResult.NotAcceptable.class);
        assertThat(((AnswerResult.NotAcceptable) result).reason()).contains("no codec");
    }

    @Test
    void anAnswerRejectingTheStreamOrChangingTheStreamCountIsRefused() {
        SessionDescription offer = OFFERER.offer(PBX, RELAY);
        assertThat(SdpOfferer.check(offer, answer("m=audio 0 RTP/AVP 0\r\n"), 0))
                .isEqualTo(new AnswerResult.NotAcceptable("answer rejected the audio stream"));
        assertThat(SdpOfferer.check(offer, answer("m=audio 4000 RTP/AVP 0\r\nm=video 4002 RTP/AVP 96\r\n"), 0))
                .isInstanceOf(AnswerResult.NotAcceptable.class);
    }

    @Test
    void anOfferNeedsAnAudioCodec() {
        assertThatThrownBy(() -> new SdpOfferer(List.of(new RtpMap(101, "telephone-event", 8000, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
