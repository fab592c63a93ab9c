package org.switchboard.media.sdp;

import java.util.Optional;

/**
 * The RFC 3605 {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} attribute: where RTCP goes when it is not
 * the RTP port + 1.
 *
 * <p>Immutable: any thread may use it.
 */
public record RtcpAttribute(int port, Optional<Connection> connection) {
    /** Validates the port. */
    public RtcpAttribute {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rtcp port out of range: " + port);
        }
    }

    /** Parses the attribute value. */
    public static RtcpAttribute parse(String value) {
        String[] parts = value.trim().split(" +");
        try {
            int port = Integer.parseInt(parts[0]);
            if (parts.length == 1) {
                return new RtcpAttribute(port, Optional.empty());
            }
            if (parts.length == 4) {
                return new RtcpAttribute(port, Optional.of(new Connection(parts[1], parts[2], parts[3])));
            }
        } catch (IllegalArgumentException e) {
            throw new SdpParseException("bad rtcp attribute '" + value + "': " + e.getMessage());
        }
        throw new SdpParseException("rtcp attribute is not 'port [nettype addrtype address]': '" + value + "'");
    }

    /** The attribute value. */
    public String toAttributeValue() {
        return connection
                .map(c -> port + " " + c.networkType() + " " + c.addressType() + " " + c.address())
                .orElse(Integer.toString(port));
    }
}
