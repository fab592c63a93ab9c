package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.switchboard.media.endpoint.RemoteMedia;
import org.switchboard.media.sdp.AnswerResult;
import org.switchboard.media.sdp.Codec;
import org.switchboard.media.sdp.MediaEndpoint;
import org.switchboard.media.sdp.Origin;
import org.switchboard.media.sdp.SdpOfferer;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;

/** The SDP of legs the PBX terminates: what it answers, what it offers, and what its endpoint then sends. */
class EndpointSdpTest {
    private static final Origin ORIGIN = new Origin("switchboard", "1", "1", "IN", "IP4", "192.0.2.1");
    private static final MediaEndpoint LOCAL = new MediaEndpoint("192.0.2.1", 40000);

    @Test
    void anOfferOfPcmaAndPcmuIsAnsweredWithPcmuAndTheOfferedEventType() throws Exception {
        SessionDescription offer = SdpParser.parse(sdp("198.51.100.7", "8 0 96", "a=rtpmap:96 telephone-event/8000\r\n"));

        AnswerResult.Answered answered = (AnswerResult.Answered) EndpointSdp.answer(offer, ORIGIN, LOCAL);

        assertThat(answered.answer().toSdp()).as("both laws kept, PCMU first").contains("m=audio 40000 RTP/AVP 0 8 96");
        assertThat(EndpointSdp.remoteMedia(offer, answered)).isEqualTo(new RemoteMedia(
                Optional.of(new InetSocketAddress("198.51.100.7", 4000)), 0, Codec.PCMU, Optional.of(96)));
    }

    @Test
    void anOfferWithoutG711IsNotAcceptable() throws Exception {
        SessionDescription offer = SdpParser.parse(sdp("198.51.100.7", "9", "a=rtpmap:9 G722/8000\r\n"));

        assertThat(EndpointSdp.answer(offer, ORIGIN, LOCAL)).isInstanceOf(AnswerResult.NotAcceptable.class);
    }

    @Test
    void thePhonesAnswerToThePbxOfferDecidesAndAHostNameIsLeftToLatching() throws Exception {
        SessionDescription offer = EndpointSdp.offer(ORIGIN, LOCAL);
        SessionDescription answer = SdpParser.parse(sdp("phone.example", "8", ""));

        AnswerResult.Answered answered = (AnswerResult.Answered) SdpOfferer.check(offer, answer, 0);

        assertThat(offer.toSdp()).contains("m=audio 40000 RTP/AVP 0 8 101");
        assertThat(EndpointSdp.remoteMedia(answer, answered))
                .isEqualTo(new RemoteMedia(Optional.empty(), 8, Codec.PCMA, Optional.empty()));
    }

    private static String sdp(String host, String formats, String attributes) {
        return "v=0\r\no=phone 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP " + formats + "\r\n" + attributes;
    }
}
