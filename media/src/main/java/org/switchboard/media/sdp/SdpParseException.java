package org.switchboard.media.sdp;

/** An SDP body that cannot be parsed; the message names the line and the fault, for a 400 or 488 reason. */
public final class SdpParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A parse fault described by {@code reason}. */
    public SdpParseException(String reason) {
        super(reason);
    }
}
