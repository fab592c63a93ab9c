package org.switchboard.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpAnswererTest {
    private static final Origin PBX = new Origin("switchboard", "7", "1", "IN", "IP4", "203.0.113.1");
    private static final MediaEndpoint RELAY = new MediaEndpoint("203.0.113.1", 20000);

    private static AnswerResult.Answered answered(AnswerResult result) {
        assertThat(result).isInstanceOf(AnswerResult.Answered.class);
        return (AnswerResult.Answered) result;
    }

    private static MediaDescription audioOf(AnswerResult.Answered a) {
        return a.answer().media().get(a.mediaIndex());
    }

    @Test
    void listsCommonCodecsInTheAnswerersOrder() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMA, Codec.PCMU), false);
        AnswerResult.Answered a = answered(answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        assertThat(audioOf(a).formats()).containsExactly("8", "0");
        assertThat(a.codecs()).extracting(RtpMap::encodingName).containsExactly("PCMA", "PCMU");
    }

    @Test
    void answersOnTheRelayAddressAndPort() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMU), false);
        AnswerResult.Answered a = answered(answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        assertThat(a.answer().connection()).contains(Connection.internet("203.0.113.1"));
        assertThat(audioOf(a).port()).isEqualTo(20000);
        assertThat(a.answer().origin()).isEqualTo(PBX);
    }

    @Test
    void carriesTelephoneEventWithItsFmtp() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMU), true);
        AnswerResult.Answered a = answered(answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        MediaDescription audio = audioOf(a);
        assertThat(audio.formats()).containsExactly("0", "101");
        assertThat(audio.rtpMap("101")).contains(new RtpMap(101, "telephone-event", 8000, 1));
        assertThat(audio.fmtp(101)).contains("0-16");
    }

    @Test
    void leavesTelephoneEventOutWhenNotWanted() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMU), false);
        AnswerResult.Answered a = answered(answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        assertThat(audioOf(a).formats()).containsExactly("0");
    }

    @Test
    void keepsTheOffersDynamicPayloadTypeNumber() {
        String offer = "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.2\nt=0 0\nm=audio 4000 RTP/AVP 112\n"
                + "a=rtpmap:112 pcmu/8000\n";
        AnswerResult.Answered a =
                answered(new SdpAnswerer(List.of(Codec.PCMU), false).answer(SdpParser.parse(offer), PBX, RELAY));
        assertThat(audioOf(a).formats()).containsExactly("112");
    }

    @Test
    void echoesPtime() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMU), false);
        AnswerResult.Answered a = answered(answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        assertThat(audioOf(a).ptimeMs()).hasValue(20);
    }

    @Test
    void noCommonCodecIsNotAcceptable() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(new Codec("opus", 48000, 2)), true);
        AnswerResult result = answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY);
        assertThat(result).isInstanceOf(AnswerResult.NotAcceptable.class);
        assertThat(((AnswerResult.NotAcceptable) result).reason()).contains("no common codec");
    }

    @Test
    void offerWithOnlyVideoIsNotAcceptable() {
        String offer = "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.2\nt=0 0\nm=video 4000 RTP/AVP 99\n"
                + "a=rtpmap:99 H264/90000\n";
        AnswerResult result = new SdpAnswerer(List.of(Codec.PCMU), false).answer(SdpParser.parse(offer), PBX, RELAY);
        assertThat(result).isInstanceOf(AnswerResult.NotAcceptable.class);
    }

    @Test
    void rejectsOtherStreamsWithPortZeroKeepingTheirFormats() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMU), false);
        AnswerResult.Answered a = answered(answerer.answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        MediaDescription video = a.answer().media().get(1);
        assertThat(a.answer().media()).hasSize(2);
        assertThat(video.port()).isZero();
        assertThat(video.media()).isEqualTo("video");
        assertThat(video.formats()).containsExactly("99");
    }

    @Test
    void offeredStreamWithPortZeroStaysRejectedAndTheNextAudioStreamIsUsed() {
        String offer = "v=0\no=- 1 1 IN IP4 h\ns=-\nc=IN IP4 10.0.0.2\nt=0 0\nm=audio 0 RTP/AVP 0\n"
                + "m=audio 5000 RTP/AVP 0\n";
        AnswerResult.Answered a =
                answered(new SdpAnswerer(List.of(Codec.PCMU), false).answer(SdpParser.parse(offer), PBX, RELAY));
        assertThat(a.mediaIndex()).isEqualTo(1);
        assertThat(a.answer().media().get(0).port()).isZero();
        assertThat(a.answer().media().get(1).port()).isEqualTo(20000);
    }

    @Test
    void sendonlyOfferIsAnsweredRecvonly() {
        String offer = SdpExamples.PHONE_OFFER.replace("a=sendrecv", "a=sendonly");
        AnswerResult.Answered a =
                answered(new SdpAnswerer(List.of(Codec.PCMU), false).answer(SdpParser.parse(offer), PBX, RELAY));
        assertThat(a.direction()).isEqualTo(Direction.RECVONLY);
        assertThat(audioOf(a).direction()).contains(Direction.RECVONLY);
    }

    @Test
    void recvonlyOfferIsAnsweredSendonlyAndInactiveStaysInactive() {
        SdpAnswerer answerer = new SdpAnswerer(List.of(Codec.PCMU), false);
        String recvonly = SdpExamples.PHONE_OFFER.replace("a=sendrecv", "a=recvonly");
        String inactive = SdpExamples.PHONE_OFFER.replace("a=sendrecv", "a=inactive");
        assertThat(answered(answerer.answer(SdpParser.parse(recvonly), PBX, RELAY)).direction())
                .isEqualTo(Direction.SENDONLY);
        assertThat(answered(answerer.answer(SdpParser.parse(inactive), PBX, RELAY)).direction())
                .isEqualTo(Direction.INACTIVE);
    }

    @Test
    void oldStyleHoldOfferIsAnsweredRecvonly() {
        AnswerResult.Answered a = answered(new SdpAnswerer(List.of(Codec.PCMU), false)
                .answer(SdpParser.parse(SdpExamples.OLD_HOLD_OFFER), PBX, RELAY));
        assertThat(a.direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void answerSerializesAndParsesBack() {
        AnswerResult.Answered a = answered(new SdpAnswerer(List.of(Codec.PCMU, Codec.PCMA), true)
                .answer(SdpParser.parse(SdpExamples.PHONE_OFFER), PBX, RELAY));
        assertThat(SdpParser.parse(a.answer().toSdp())).isEqualTo(a.answer());
    }
}
