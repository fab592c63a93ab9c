package org.switchboard.media.sdp;

/**
 * Connection data, {@code c=<nettype> <addrtype> <address>} (RFC 4566 §5.7).
 *
 * <p>Immutable: any thread may use it.
 */
public record Connection(String networkType, String addressType, String address) {
    /** The address an RFC 2543 offerer puts on hold (RFC 3264 §8.4 still asks us to understand it). */
    public static final String HOLD_ADDRESS = "0.0.0.0";

    /** Validates that each part is one token. */
    public Connection {
        SdpText.token("connection network type", networkType);
        SdpText.token("connection address type", addressType);
        SdpText.token("connection address", address);
    }

    /** An Internet connection to {@code address}, IP6 when it contains ':', else IP4. */
    public static Connection internet(String address) {
        return new Connection("IN", address.indexOf(':') >= 0 ? "IP6" : "IP4", address);
    }

    /** Whether this is the old hold form {@code c=IN IP4 0.0.0.0}. */
    public boolean isHold() {
        return address.equals(HOLD_ADDRESS);
    }

    String toLine() {
        return "c=" + networkType + " " + addressType + " " + address;
    }
}
