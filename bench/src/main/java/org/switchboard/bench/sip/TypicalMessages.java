package org.switchboard.bench.sip;

import java.nio.charset.StandardCharsets;

/** A typical INVITE with SDP and a typical REGISTER, as desk phones send them. Constants only. */
final class TypicalMessages {

    static final byte[] INVITE = ("INVITE sip:1002@pbx.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-524287-1---e2b0c5f1d1a2b3c4;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "Contact: <sip:1001@192.0.2.10:5060;transport=udp>\r\n"
            + "To: <sip:1002@pbx.example.com>\r\n"
            + "From: \"Alice\" <sip:1001@pbx.example.com>;tag=9fxced76sl\r\n"
            + "Call-ID: 3848276298220188511@192.0.2.10\r\n"
            + "CSeq: 2 INVITE\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Supported: replaces, norefersub, timer\r\n"
            + "User-Agent: Yealink SIP-T46U 108.86.0.20\r\n"
            + "Proxy-Authorization: Digest username=\"1001\", realm=\"pbx.example.com\", "
            + "nonce=\"5f3c9a1b2c\", uri=\"sip:1002@pbx.example.com\", response=\"0123456789abcdef0123456789abcdef\", "
            + "algorithm=MD5, cseq=\"2\", qop=auth, nc=00000001, cnonce=\"abc123\"\r\n"
            + "Content-Length: 255\r\n"
            + "\r\n"
            + "v=0\r\n"
            + "o=- 20051 20051 IN IP4 192.0.2.10\r\n"
            + "s=SDP data\r\n"
            + "c=IN IP4 192.0.2.10\r\n"
            + "t=0 0\r\n"
            + "m=audio 11796 RTP/AVP 0 8 9 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:9 G722/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\n"
            + "a=ptime:20\r\n"
            + "a=sendrecv\r\n").getBytes(StandardCharsets.UTF_8);

    static final byte[] REGISTER = ("REGISTER sip:pbx.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1733215542;rport\r\n"
            + "From: \"1001\" <sip:1001@pbx.example.com>;tag=1544957127\r\n"
            + "To: \"1001\" <sip:1001@pbx.example.com>\r\n"
            + "Call-ID: 0_2786582617@192.0.2.10\r\n"
            + "CSeq: 3 REGISTER\r\n"
            + "Contact: <sip:1001@192.0.2.10:5060>;reg-id=1;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-001565a1b2c3>\"\r\n"
            + "Max-Forwards: 70\r\n"
            + "User-Agent: Yealink SIP-T46U 108.86.0.20\r\n"
            + "Expires: 3600\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n").getBytes(StandardCharsets.UTF_8);

    private TypicalMessages() {}
}
