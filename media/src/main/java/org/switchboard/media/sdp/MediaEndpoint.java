package org.switchboard.media.sdp;

/**
 * Where this side receives RTP for a stream: the address written in c= and the port written in m= (RTCP on port +
 * 1). For an anchored call it is the relay's local address for that leg.
 *
 * <p>Immutable: any thread may use it.
 */
public record MediaEndpoint(String address, int rtpPort) {
    /** Validates the address token and port. */
    public MediaEndpoint {
        SdpText.token("media address", address);
        if (rtpPort <= 0 || rtpPort > 65534) {
            throw new IllegalArgumentException("RTP port out of range 1-65534: " + rtpPort);
        }
    }
}
