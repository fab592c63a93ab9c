package org.switchboard.media.dtmf;

/** How a DTMF digit reached the PBX. */
public enum DtmfMethod {
    /** RFC 4733 telephone-event packets in the RTP stream. */
    RFC4733,
    /** Tones in the audio itself, found by Goertzel filters. */
    INBAND,
    /** A SIP INFO request ({@code application/dtmf-relay} or {@code application/dtmf}). */
    SIP_INFO
}
