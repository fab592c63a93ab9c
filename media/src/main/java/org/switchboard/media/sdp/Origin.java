package org.switchboard.media.sdp;

/**
 * The origin line {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}
 * (RFC 4566 §5.2). Identifiers stay text: phones send values beyond 64 bits.
 *
 * <p>Immutable: any thread may use it.
 */
public record Origin(
        String username,
        String sessionId,
        String sessionVersion,
        String networkType,
        String addressType,
        String address) {
    /** Validates that each part is one token. */
    public Origin {
        SdpText.token("origin username", username);
        SdpText.token("origin session id", sessionId);
        SdpText.token("origin session version", sessionVersion);
        SdpText.token("origin network type", networkType);
        SdpText.token("origin address type", addressType);
        SdpText.token("origin address", address);
    }

    String toLine() {
        return "o=" + username + " " + sessionId + " " + sessionVersion + " " + networkType + " " + addressType + " "
                + address;
    }
}
