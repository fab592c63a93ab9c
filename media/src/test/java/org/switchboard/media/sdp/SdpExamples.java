package org.switchboard.media.sdp;

/** SDP bodies as phones send them, shared by the SDP tests. */
final class SdpExamples {
    private SdpExamples() {}

    static final String PHONE_OFFER = """
            v=0
            o=alice 2890844526 2890844526 IN IP4 192.168.1.20
            s=-
            c=IN IP4 192.168.1.20
            t=0 0
            m=audio 49170 RTP/AVP 9 0 8 101
            a=rtpmap:9 G722/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=sendrecv
            m=video 51372 RTP/AVP 99
            a=rtpmap:99 H264/90000
            """.replace("\n", "\r\n");

    static final String OLD_HOLD_OFFER = """
            v=0
            o=bob 1 2 IN IP4 10.0.0.5
            s=call
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 4000 RTP/AVP 0
            """;
}
