package org.switchboard.pbx.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.media.sdp.MediaDescription;
import org.switchboard.media.sdp.RtpMap;
import org.switchboard.media.sdp.SdpParser;
import org.switchboard.media.sdp.SessionDescription;

/** What an extension is offered when a PBX-answered caller is transferred to it: the caller's session, limited. */
class PbxLegTransferTest {

    @Test
    void theOfferKeepsOnlyTheAgreedPayloadTypesWithTheirAttributes() throws Exception {
        SessionDescription caller = SdpParser.parse(String.join("\r\n", "v=0", "o=caller 1 1 IN IP4 192.0.2.1", "s=-",
                "c=IN IP4 192.0.2.1", "t=0 0", "m=audio 4000 RTP/AVP 0 8 3 101", "a=rtpmap:3 GSM/8000",
                "a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20", "") + "\r\n");

        SessionDescription limited = PbxLegTransfer.limitedTo(caller, 0,
                List.of(RtpMap.ofStatic(0).orElseThrow(), RtpMap.parse("101 telephone-event/8000")));

        MediaDescription audio = limited.media().getFirst();
        assertThat(audio.formats()).containsExactly("0", "101");
        assertThat(audio.port()).isEqualTo(4000);
        assertThat(limited.toSdp()).contains("a=rtpmap:101 telephone-event/8000", "a=fmtp:101 0-15", "a=ptime:20")
                .doesNotContain("GSM");
    }
}
